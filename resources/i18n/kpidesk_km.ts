<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="km_KH" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About KPI Desk</source>
        <translation>អំពី KPI Desk</translation>
    </message>
    <message>
        <source>Sales KPIs for small shops, offline, in Khmer and English.</source>
        <translation>សូចនាករការលក់សម្រាប់ហាងតូចៗ ប្រើបានដោយគ្មានអ៊ីនធឺណិត ជាភាសាខ្មែរ និងអង់គ្លេស។</translation>
    </message>
    <message>
        <source>Shop file: %1</source>
        <translation>ឯកសារហាង៖ %1</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>អាជ្ញាប័ណ្ណ៖ %1</translation>
    </message>
    <message>
        <source>KPI Desk includes these fonts and libraries:</source>
        <translation>KPI Desk រួមបញ្ចូលពុម្ពអក្សរ និងបណ្ណាល័យកម្មវិធីទាំងនេះ៖</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the LGPL: you may replace their libraries in the installed folder.</source>
        <translation>Qt និង PySide6 ត្រូវបានប្រើក្រោមអាជ្ញាប័ណ្ណ LGPL៖ អ្នកអាចជំនួសបណ្ណាល័យរបស់វានៅក្នុងថតដែលបានដំឡើង។</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>អាជ្ញាប័ណ្ណ</translation>
    </message>
    <message>
        <source>Font licence (OFL)</source>
        <translation>អាជ្ញាប័ណ្ណពុម្ពអក្សរ (OFL)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុកបរាជ័យ</translation>
    </message>
    <message>
        <source>Creating the demo shop…</source>
        <translation>កំពុងបង្កើតហាងសាកល្បង…</translation>
    </message>
    <message>
        <source>Welcome to KPI Desk</source>
        <translation>សូមស្វាគមន៍មកកាន់ KPI Desk</translation>
    </message>
    <message>
        <source>Your shop has no sales yet.

Open a demo shop with two years of example sales to see what KPI Desk shows? Your own shop stays empty; open it again from the File menu whenever you are ready.</source>
        <translation>ហាងរបស់អ្នកមិនទាន់មានការលក់នៅឡើយទេ។

បើកហាងសាកល្បងដែលមានការលក់គំរូរយៈពេលពីរឆ្នាំ ដើម្បីមើលថា KPI Desk បង្ហាញអ្វីខ្លះឬទេ? ហាងរបស់អ្នកនៅតែទទេ។ ពេលអ្នករួចរាល់ សូមបើកវាវិញពីម៉ឺនុយ ឯកសារ។</translation>
    </message>
</context>
<context>
    <name>AtRiskModel</name>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>ការទិញចុងក្រោយ</translation>
    </message>
    <message>
        <source>Usual gap (days)</source>
        <translation>គម្លាតធម្មតា (ថ្ងៃ)</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>ចំនួនថ្ងៃតាំងពីទិញ</translation>
    </message>
    <message>
        <source>Revenue 365 d</source>
        <translation>ចំណូល ៣៦៥ ថ្ងៃ</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the contact</source>
        <translation>ចុចពីរដង ឬចុច Enter ដើម្បីបើកទំនាក់ទំនង</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>%1 days ago</source>
        <translation>%1 ថ្ងៃមុន</translation>
    </message>
    <message>
        <source>A backup is made on the first start of each day with sales, before each import and on exit after changes.</source>
        <translation>ការបម្រុងទុកត្រូវបានធ្វើនៅពេលបើកលើកដំបូងនៃថ្ងៃនីមួយៗដែលមានការលក់ មុនពេលនាំចូលម្ដងៗ និងពេលចាកចេញក្រោយពេលមានការកែប្រែ។</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុកបរាជ័យ</translation>
    </message>
    <message>
        <source>Last backup failed: click for details</source>
        <translation>ការបម្រុងទុកចុងក្រោយបរាជ័យ៖ ចុចដើម្បីមើលព័ត៌មានលម្អិត</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>ការបម្រុងទុកចុងក្រោយ៖ %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>មិនទាន់មានការបម្រុងទុកនៅឡើយ</translation>
    </message>
    <message>
        <source>Read-only: nothing can be saved</source>
        <translation>បានតែអាន៖ មិនអាចរក្សាទុកអ្វីបានទេ</translation>
    </message>
    <message>
        <source>Your records are safe in the shop file. KPI Desk will tell you again at every start until a backup succeeds.</source>
        <translation>កំណត់ត្រារបស់អ្នកនៅមានសុវត្ថិភាពក្នុងឯកសារហាង។ KPI Desk នឹងប្រាប់អ្នកម្ដងទៀតរាល់ពេលបើក រហូតដល់ការបម្រុងទុកមួយបានសម្រេច។</translation>
    </message>
    <message>
        <source>today, %1</source>
        <translation>ថ្ងៃនេះ ម៉ោង %1</translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation>ម្សិលមិញ</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>មូលហេតុ</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>ការលក់ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>ថ្ងៃបម្រុងទុក</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>បម្រុងទុកឥឡូវនេះ (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>ស្ដារ… (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>បើកថត (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>ជ្រើសថត… (&amp;C)</translation>
    </message>
    <message>
        <source>Keep daily backups for (days):</source>
        <translation>រក្សាការបម្រុងទុកប្រចាំថ្ងៃរយៈពេល (ថ្ងៃ)៖</translation>
    </message>
    <message>
        <source>Keep monthly backups for (months):</source>
        <translation>រក្សាការបម្រុងទុកប្រចាំខែរយៈពេល (ខែ)៖</translation>
    </message>
    <message>
        <source>Backup folder: %1</source>
        <translation>ថតបម្រុងទុក៖ %1</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>ប្រចាំថ្ងៃ</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>ដោយដៃ</translation>
    </message>
    <message>
        <source>on exit</source>
        <translation>ពេលចាកចេញ</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>មុនពេលនាំចូល</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>មុនពេលស្ដារ</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>មុនពេលធ្វើបច្ចុប្បន្នភាព</translation>
    </message>
    <message>
        <source>%1 (older backup)</source>
        <translation>%1 (ការបម្រុងទុកចាស់)</translation>
    </message>
    <message>
        <source>%1 backups, %2 in all</source>
        <translation>ការបម្រុងទុក %1 សរុប %2</translation>
    </message>
    <message>
        <source>The folder also holds %1 backups of other shops: they are not shown, and never touched.</source>
        <translation>ថតនេះក៏មានការបម្រុងទុក %1 របស់ហាងផ្សេងដែរ៖ វាមិនត្រូវបានបង្ហាញ ហើយមិនដែលត្រូវបានប៉ះពាល់ទេ។</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>កំពុងបម្រុងទុក…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Replace the shop&apos;s records by the backup made on %1 (%2)? It holds %3 orders; its last sale is of %4.</source>
        <translation>ជំនួសកំណត់ត្រារបស់ហាងដោយការបម្រុងទុកដែលបានធ្វើនៅ %1 (%2) ឬទេ? វាមានការបញ្ជាទិញ %3 ហើយការលក់ចុងក្រោយរបស់វាគឺថ្ងៃ %4។</translation>
    </message>
    <message>
        <source>Now the shop has %1 orders; its last sale is of %2. These records are backed up first, so this can be undone by restoring that backup.</source>
        <translation>ឥឡូវនេះហាងមានការបញ្ជាទិញ %1 ហើយការលក់ចុងក្រោយគឺថ្ងៃ %2។ កំណត់ត្រាទាំងនេះត្រូវបានបម្រុងទុកមុនសិន ដូច្នេះអាចត្រឡប់វិញបានដោយស្ដារការបម្រុងទុកនោះ។</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>កំពុងស្ដារការបម្រុងទុក…</translation>
    </message>
    <message>
        <source>Restore it into this shop anyway?</source>
        <translation>នៅតែស្ដារវាចូលក្នុងហាងនេះឬ?</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>បានស្ដារការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុកបរាជ័យ</translation>
    </message>
    <message>
        <source>Backups made by hand, before an import, before a restore or before an update are not counted here: each is kept at least %1 days.</source>
        <translation>ការបម្រុងទុកដោយដៃ មុនពេលនាំចូល មុនពេលស្ដារ ឬមុនពេលធ្វើបច្ចុប្បន្នភាព មិនរាប់បញ្ចូលនៅទីនេះទេ៖ នីមួយៗត្រូវបានរក្សាទុកយ៉ាងហោចណាស់ %1 ថ្ងៃ។</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>ស្ដារ</translation>
    </message>
    <message>
        <source>Choose a backup first.</source>
        <translation>សូមជ្រើសការបម្រុងទុកមួយសិន។</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>ការស្ដារបរាជ័យ</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>ថតបម្រុងទុក</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>80 % interval:</source>
        <translation>ចន្លោះ ៨០%៖</translation>
    </message>
    <message>
        <source>Attainment:</source>
        <translation>ការសម្រេចគោលដៅ៖</translation>
    </message>
    <message>
        <source>Forecast:</source>
        <translation>ការព្យាករ៖</translation>
    </message>
    <message>
        <source>Growth (MoM):</source>
        <translation>កំណើនធៀបខែមុន៖</translation>
    </message>
    <message>
        <source>Opportunities:</source>
        <translation>ឱកាសលក់៖</translation>
    </message>
    <message>
        <source>Revenue:</source>
        <translation>ចំណូល៖</translation>
    </message>
    <message>
        <source>Run-rate projection:</source>
        <translation>ការប៉ាន់ស្មានតាមល្បឿនបច្ចុប្បន្ន៖</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>គោលដៅ៖</translation>
    </message>
    <message>
        <source>Value:</source>
        <translation>តម្លៃ៖</translation>
    </message>
    <message>
        <source>Weighted:</source>
        <translation>តាមលទ្ធភាព៖</translation>
    </message>
    <message>
        <source>like-for-like</source>
        <translation>ធៀបចំនួនថ្ងៃស្មើគ្នា</translation>
    </message>
    <message>
        <source>month to date</source>
        <translation>ពីដើមខែដល់ថ្ងៃនេះ</translation>
    </message>
</context>
<context>
    <name>CohortModel</name>
    <message>
        <source>Customers</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Months after the first purchase</source>
        <translation>ចំនួនខែក្រោយការទិញលើកដំបូង</translation>
    </message>
    <message>
        <source>%1: %2 of %3 customers active %4 months later</source>
        <translation>%1៖ អតិថិជន %2 ក្នុងចំណោម %3 នាក់ នៅសកម្ម %4 ខែក្រោយ</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>កែទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>ទំនាក់ទំនងថ្មី</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>ឈ្មោះ (&amp;N)៖</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>ប្រភេទ (&amp;T)៖</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>ទូរស័ព្ទ (&amp;P)៖</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>ប្រភព (&amp;S)៖</translation>
    </message>
    <message>
        <source>Sales&amp;person:</source>
        <translation>អ្នកលក់ (&amp;P)៖</translation>
    </message>
    <message>
        <source>&amp;Created:</source>
        <translation>ថ្ងៃបង្កើត (&amp;C)៖</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>កំណត់ចំណាំ (&amp;O)៖</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Lead (has not bought yet)</source>
        <translation>អតិថិជនសក្តានុពល (មិនទាន់ទិញ)</translation>
    </message>
    <message>
        <source>Name in Khmer or Latin letters</source>
        <translation>ឈ្មោះជាអក្សរខ្មែរ ឬឡាតាំង</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>ថ្ងៃ/ខែ/ឆ្នាំ</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>ContactKind</name>
    <message>
        <source>Lead</source>
        <translation>អតិថិជនសក្តានុពល</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
</context>
<context>
    <name>ContactPage</name>
    <message>
        <source>Contact: %1</source>
        <translation>ទំនាក់ទំនង៖ %1</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>ប្រភេទ៖</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>ទូរស័ព្ទ៖</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>ប្រភព៖</translation>
    </message>
    <message>
        <source>Salesperson:</source>
        <translation>អ្នកលក់៖</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>ថ្ងៃបង្កើត៖</translation>
    </message>
    <message>
        <source>Purchases:</source>
        <translation>ការទិញ៖</translation>
    </message>
    <message>
        <source>%1 orders, %2 in total; first %3, last %4</source>
        <translation>ការបញ្ជាទិញ %1 សរុប %2 ដំបូង %3 ចុងក្រោយ %4</translation>
    </message>
    <message>
        <source>Purchases (%1)</source>
        <translation>ការទិញ (%1)</translation>
    </message>
    <message>
        <source>Opportunities (%1)</source>
        <translation>ឱកាសលក់ (%1)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>ការមកទិញ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>វិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>សរុប</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>មធ្យោបាយលក់</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>ឱកាសលក់</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>តម្លៃ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>ថ្ងៃរំពឹងបិទការលក់</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>មូលហេតុបាត់ឱកាស</translation>
    </message>
    <message>
        <source>Fewer than two visit days: no gap yet.</source>
        <translation>មកទិញតិចជាងពីរថ្ងៃ៖ មិនទាន់មានគម្លាតទេ។</translation>
    </message>
    <message>
        <source>%1 visit days. Usual gap (median): %2 days; shortest %3, longest %4. Last visit %5 days ago.</source>
        <translation>មកទិញ %1 ថ្ងៃ។ គម្លាតធម្មតា (មធ្យមភាគ)៖ %2 ថ្ងៃ ខ្លីបំផុត %3 វែងបំផុត %4។ មកចុងក្រោយ %5 ថ្ងៃមុន។</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>ការមកទិញ</translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation>ការមកទិញមុន</translation>
    </message>
    <message>
        <source>Gap (days)</source>
        <translation>គម្លាត (ថ្ងៃ)</translation>
    </message>
</context>
<context>
    <name>ContactStatus</name>
    <message>
        <source>New</source>
        <translation>អតិថិជនថ្មី</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>អតិថិជនប្រចាំ</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>ជិតបាត់បង់</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>ឈប់មកទិញ</translation>
    </message>
    <message>
        <source>No purchase yet</source>
        <translation>មិនទាន់ទិញ</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ប្រភព</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ថ្ងៃបង្កើត</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>ការទិញលើកដំបូង</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>ការទិញចុងក្រោយ</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Revenue, last 365 days</source>
        <translation>ចំណូល ៣៦៥ ថ្ងៃចុងក្រោយ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
</context>
<context>
    <name>ContactsTab</name>
    <message>
        <source>Contacts</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>ស្វែងរក (&amp;S)៖</translation>
    </message>
    <message>
        <source>Name or phone</source>
        <translation>ឈ្មោះ ឬលេខទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>ស្ថានភាព (&amp;T)៖</translation>
    </message>
    <message>
        <source>All</source>
        <translation>ទាំងអស់</translation>
    </message>
    <message>
        <source>&amp;New contact…</source>
        <translation>ទំនាក់ទំនងថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <source>Add a lead or a customer (Ctrl+Shift+N)</source>
        <translation>បន្ថែមអតិថិជនសក្តានុពល ឬអតិថិជន (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>កែ… (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Open page</source>
        <translation>បើកទំព័រ (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Merge duplicates…</source>
        <translation>បញ្ចូលឈ្មោះស្ទួនគ្នា… (&amp;M)</translation>
    </message>
    <message>
        <source>Select two contacts that are the same person and merge them: their sales follow</source>
        <translation>ជ្រើសទំនាក់ទំនងពីរដែលជាមនុស្សតែមួយ ហើយបញ្ចូលគ្នា៖ ការលក់របស់ពួកគេនឹងទៅជាមួយ</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>Only a contact without sales can be deleted</source>
        <translation>អាចលុបបានតែទំនាក់ទំនងដែលគ្មានការលក់ប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <source>%1 of %2 contacts shown</source>
        <translation>បង្ហាញទំនាក់ទំនង %1 ក្នុងចំណោម %2</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>%1 (%2 orders, last purchase %3)</source>
        <translation>%1 (ការបញ្ជាទិញ %2 ទិញចុងក្រោយ %3)</translation>
    </message>
    <message>
        <source>Merge duplicates</source>
        <translation>បញ្ចូលឈ្មោះស្ទួនគ្នា</translation>
    </message>
    <message>
        <source>Merge these two contacts into one? The sales and opportunities of the other move to the one that stays.

1. %1
2. %2</source>
        <translation>បញ្ចូលទំនាក់ទំនងទាំងពីរនេះជាមួយឬទេ? ការលក់ និងឱកាសលក់របស់ម្នាក់ទៀត នឹងផ្លាស់ទៅម្នាក់ដែលនៅសល់។

១. %1
២. %2</translation>
    </message>
    <message>
        <source>Keep 1</source>
        <translation>រក្សាទុកទី ១</translation>
    </message>
    <message>
        <source>Keep 2</source>
        <translation>រក្សាទុកទី ២</translation>
    </message>
    <message>
        <source>Add contact %1</source>
        <translation>បន្ថែមទំនាក់ទំនង %1</translation>
    </message>
    <message>
        <source>Edit contact %1</source>
        <translation>កែទំនាក់ទំនង %1</translation>
    </message>
    <message>
        <source>Select exactly two contacts to merge.</source>
        <translation>សូមជ្រើសទំនាក់ទំនងពីរប៉ុណ្ណោះ ដើម្បីបញ្ចូលគ្នា។</translation>
    </message>
    <message>
        <source>Merge contacts into %1</source>
        <translation>បញ្ចូលទំនាក់ទំនងទៅក្នុង %1</translation>
    </message>
    <message>
        <source>%1 has %2 sales, so it cannot be deleted. If it is a duplicate, select both contacts and merge them instead.</source>
        <translation>%1 មានការលក់ %2 ដូច្នេះមិនអាចលុបបានទេ។ បើវាជាឈ្មោះស្ទួន សូមជ្រើសទំនាក់ទំនងទាំងពីរ ហើយបញ្ចូលគ្នាជំនួសវិញ។</translation>
    </message>
    <message>
        <source>Delete the contact %1? (Edit ▸ Undo brings it back.)</source>
        <translation>លុបទំនាក់ទំនង %1 ឬទេ? (កែសម្រួល ▸ មិនធ្វើវិញ អាចយកវាមកវិញ។)</translation>
    </message>
    <message>
        <source>Delete contact %1</source>
        <translation>លុបទំនាក់ទំនង %1</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Dashboard</source>
        <translation>ផ្ទាំងសង្ខេប</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>ចំណូល</translation>
    </message>
    <message>
        <source>Net revenue of the month, refunds included</source>
        <translation>ចំណូលសុទ្ធនៃខែ រួមទាំងការសងប្រាក់វិញ</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Receipts, not counting refunds</source>
        <translation>វិក្កយបត្រ មិនរាប់ការសងប្រាក់វិញ</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>តម្លៃមធ្យមក្នុងមួយការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Revenue divided by orders</source>
        <translation>ចំណូលចែកនឹងចំនួនការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Growth vs last month</source>
        <translation>កំណើនធៀបខែមុន</translation>
    </message>
    <message>
        <source>Revenue against the month before (MoM)</source>
        <translation>ចំណូលធៀបនឹងខែមុន</translation>
    </message>
    <message>
        <source>Growth vs last year</source>
        <translation>កំណើនធៀបឆ្នាំមុន</translation>
    </message>
    <message>
        <source>Revenue against the same month a year before (YoY)</source>
        <translation>ចំណូលធៀបនឹងខែដដែលកាលពីឆ្នាំមុន</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>Revenue target of the month</source>
        <translation>គោលដៅចំណូលនៃខែ</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>ការសម្រេចគោលដៅ</translation>
    </message>
    <message>
        <source>Revenue divided by the target</source>
        <translation>ចំណូលចែកនឹងគោលដៅ</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>ល្បឿន</translation>
    </message>
    <message>
        <source>Revenue against the target expected by today</source>
        <translation>ចំណូលធៀបនឹងគោលដៅដែលរំពឹងដល់ថ្ងៃនេះ</translation>
    </message>
    <message>
        <source>Run-rate projection</source>
        <translation>ការប៉ាន់ស្មានតាមល្បឿនបច្ចុប្បន្ន</translation>
    </message>
    <message>
        <source>Revenue at the month&apos;s end if sales go on as so far</source>
        <translation>ចំណូលនៅចុងខែ បើការលក់បន្តដូចសព្វថ្ងៃ</translation>
    </message>
    <message>
        <source>Needed per day</source>
        <translation>ត្រូវការក្នុងមួយថ្ងៃ</translation>
    </message>
    <message>
        <source>Revenue needed each remaining day to reach the target</source>
        <translation>ចំណូលដែលត្រូវការរៀងរាល់ថ្ងៃដែលនៅសល់ ដើម្បីសម្រេចគោលដៅ</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>អតិថិជនថ្មី</translation>
    </message>
    <message>
        <source>Customers whose first purchase is in the period</source>
        <translation>អតិថិជនដែលទិញលើកដំបូងក្នុងរយៈពេលនេះ</translation>
    </message>
    <message>
        <source>Lead conversion</source>
        <translation>អត្រាបំប្លែងអតិថិជនសក្តានុពល</translation>
    </message>
    <message>
        <source>Leads created in the period who bought within the lead window</source>
        <translation>អតិថិជនសក្តានុពលដែលបង្កើតក្នុងរយៈពេលនេះ ហើយបានទិញក្នុងរយៈពេលកំណត់</translation>
    </message>
    <message>
        <source>Second purchase</source>
        <translation>ការទិញលើកទីពីរ</translation>
    </message>
    <message>
        <source>New customers who bought again within 90 days</source>
        <translation>អតិថិជនថ្មីដែលបានទិញម្តងទៀតក្នុងរយៈពេល ៩០ ថ្ងៃ</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>អតិថិជនសកម្ម</translation>
    </message>
    <message>
        <source>Customers with a purchase in the period</source>
        <translation>អតិថិជនដែលបានទិញក្នុងរយៈពេលនេះ</translation>
    </message>
    <message>
        <source>Returning customers</source>
        <translation>អតិថិជនត្រឡប់មកវិញ</translation>
    </message>
    <message>
        <source>Active customers who are not new</source>
        <translation>អតិថិជនសកម្មដែលមិនមែនជាអតិថិជនថ្មី</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>ការរក្សាអតិថិជន</translation>
    </message>
    <message>
        <source>Customers of the period before who bought again</source>
        <translation>អតិថិជននៃរយៈពេលមុនដែលបានទិញម្តងទៀត</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>អត្រាបាត់បង់អតិថិជន</translation>
    </message>
    <message>
        <source>Customers of the period before who did not buy again</source>
        <translation>អតិថិជននៃរយៈពេលមុនដែលមិនបានទិញម្តងទៀត</translation>
    </message>
    <message>
        <source>Customer retention rate</source>
        <translation>អត្រារក្សាអតិថិជន</translation>
    </message>
    <message>
        <source>(active − new) / active in the period before; counts customers coming back after a gap</source>
        <translation>(សកម្ម − ថ្មី) / សកម្មក្នុងរយៈពេលមុន រាប់ទាំងអតិថិជនដែលត្រឡប់មកវិញក្រោយពេលឈប់មួយរយៈ</translation>
    </message>
    <message>
        <source>Repeat purchase rate</source>
        <translation>អត្រាទិញឡើងវិញ</translation>
    </message>
    <message>
        <source>Active customers with two orders or more</source>
        <translation>អតិថិជនសកម្មដែលមានការបញ្ជាទិញពីរដង ឬច្រើនជាងនេះ</translation>
    </message>
    <message>
        <source>Loyal customers</source>
        <translation>អតិថិជនប្រចាំ</translation>
    </message>
    <message>
        <source>Customers with several orders in the last 365 days</source>
        <translation>អតិថិជនដែលមានការបញ្ជាទិញច្រើនដងក្នុង ៣៦៥ ថ្ងៃចុងក្រោយ</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>ឱកាសលក់កំពុងតាមដាន</translation>
    </message>
    <message>
        <source>Value of the open opportunities</source>
        <translation>តម្លៃនៃឱកាសលក់ដែលកំពុងតាមដាន</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>តម្លៃឱកាសលក់តាមលទ្ធភាព</translation>
    </message>
    <message>
        <source>Value × probability of the open opportunities</source>
        <translation>តម្លៃ × លទ្ធភាពលក់បាន នៃឱកាសលក់ដែលកំពុងតាមដាន</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>ហួសកាលកំណត់</translation>
    </message>
    <message>
        <source>Open opportunities past their expected close date</source>
        <translation>ឱកាសលក់កំពុងតាមដានដែលហួសថ្ងៃរំពឹងបិទការលក់</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>អត្រាលក់បាន</translation>
    </message>
    <message>
        <source>Won / (won + lost), closed this month</source>
        <translation>លក់បាន / (លក់បាន + បាត់ឱកាស) ដែលបានបិទក្នុងខែនេះ</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>តម្លៃមធ្យមនៃឱកាសលក់បាន</translation>
    </message>
    <message>
        <source>Mean value of the opportunities won this month</source>
        <translation>តម្លៃមធ្យមនៃឱកាសលក់ដែលលក់បានក្នុងខែនេះ</translation>
    </message>
    <message>
        <source>Sales cycle</source>
        <translation>រយៈពេលលក់</translation>
    </message>
    <message>
        <source>Mean days from creation to won</source>
        <translation>ចំនួនថ្ងៃមធ្យមពីពេលបង្កើតដល់ពេលលក់បាន</translation>
    </message>
    <message>
        <source>Pipeline forecast</source>
        <translation>ការព្យាករពីឱកាសលក់</translation>
    </message>
    <message>
        <source>Revenue so far + weighted opportunities expected to close this month</source>
        <translation>ចំណូលរហូតមកដល់ពេលនេះ + ឱកាសលក់តាមលទ្ធភាព ដែលរំពឹងថានឹងបិទក្នុងខែនេះ</translation>
    </message>
    <message>
        <source>Pipeline coverage</source>
        <translation>អត្រាគ្របដណ្ដប់គោលដៅ</translation>
    </message>
    <message>
        <source>Weighted pipeline closing this month / gap to target</source>
        <translation>ឱកាសលក់តាមលទ្ធភាពដែលបិទក្នុងខែនេះ / ចំនួននៅខ្វះនៃគោលដៅ</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>ខែ (&amp;M)៖</translation>
    </message>
    <message>
        <source>Previous month (Alt+Left)</source>
        <translation>ខែមុន (Alt+Left)</translation>
    </message>
    <message>
        <source>Next month (Alt+Right)</source>
        <translation>ខែបន្ទាប់ (Alt+Right)</translation>
    </message>
    <message>
        <source>Sales &amp;&amp; targets</source>
        <translation>លក់ និងគោលដៅ</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>ឱកាសលក់</translation>
    </message>
    <message>
        <source>Revenue and target, last 24 months</source>
        <translation>ចំណូល និងគោលដៅ ២៤ ខែចុងក្រោយ</translation>
    </message>
    <message>
        <source>Forecast (80 % band)</source>
        <translation>ការព្យាករ (ចន្លោះ ៨០%)</translation>
    </message>
    <message>
        <source>Growth vs the month before</source>
        <translation>កំណើនធៀបខែមុន</translation>
    </message>
    <message>
        <source>Open pipeline by stage</source>
        <translation>ឱកាសលក់កំពុងតាមដាន តាមដំណាក់កាល</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>តម្លៃ</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>តាមលទ្ធភាព</translation>
    </message>
    <message>
        <source>Customer figures &amp;by:</source>
        <translation>តួលេខអតិថិជនតាម (&amp;B)៖</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>ត្រីមាស</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>ឆ្នាំ</translation>
    </message>
    <message>
        <source>Cohorts: share of each month&apos;s new customers who bought again k months later</source>
        <translation>ក្រុមអតិថិជនតាមខែទិញដំបូង៖ ភាគរយនៃអតិថិជនថ្មីនៃខែនីមួយៗ ដែលបានទិញម្តងទៀត k ខែក្រោយមក</translation>
    </message>
    <message>
        <source>Call back: good customers who stopped coming (double-click to open)</source>
        <translation>បញ្ជីត្រូវទូរស័ព្ទទៅ៖ អតិថិជនល្អដែលឈប់មកទិញ (ចុចពីរដងដើម្បីបើក)</translation>
    </message>
    <message>
        <source>month to date</source>
        <translation>ពីដើមខែដល់ថ្ងៃនេះ</translation>
    </message>
    <message>
        <source>like-for-like, days %1–%2</source>
        <translation>ធៀបចំនួនថ្ងៃស្មើគ្នា ថ្ងៃទី %1–%2</translation>
    </message>
    <message>
        <source>no target set</source>
        <translation>មិនទាន់កំណត់គោលដៅ</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>នៅខ្វះ %1</translation>
    </message>
    <message>
        <source>expected by today %1</source>
        <translation>រំពឹងដល់ថ្ងៃនេះ %1</translation>
    </message>
    <message>
        <source>day %1 of %2</source>
        <translation>ថ្ងៃទី %1 នៃ %2</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>នៅសល់ %1 ថ្ងៃ</translation>
    </message>
    <message>
        <source>In progress: day %1 of %2, figures are month to date</source>
        <translation>កំពុងដំណើរការ៖ ថ្ងៃទី %1 នៃ %2 តួលេខគិតពីដើមខែដល់ថ្ងៃនេះ</translation>
    </message>
    <message>
        <source>This month has not started yet</source>
        <translation>ខែនេះមិនទាន់ចាប់ផ្តើមនៅឡើយទេ</translation>
    </message>
    <message>
        <source>Complete month</source>
        <translation>ខែពេញ</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>ត្រីមាសទី %1 %2</translation>
    </message>
    <message>
        <source>%1, to date</source>
        <translation>%1 ដល់ថ្ងៃនេះ</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>បណ្ដោះអាសន្ន</translation>
    </message>
    <message>
        <source>%1 of active customers</source>
        <translation>%1 នៃអតិថិជនសកម្ម</translation>
    </message>
    <message>
        <source>to date</source>
        <translation>ដល់ថ្ងៃនេះ</translation>
    </message>
    <message>
        <source>From lead to loyal customer (leads created in %1)</source>
        <translation>ពីអតិថិជនសក្តានុពល ទៅអតិថិជនប្រចាំ (អតិថិជនសក្តានុពលដែលបង្កើតក្នុង %1)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>អតិថិជនសក្តានុពល</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>ទិញឡើងវិញ</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>អតិថិជនប្រចាំ</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>កំពុងតាមដាន %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>ហួសកាលកំណត់ %1</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 ថ្ងៃ</translation>
    </message>
</context>
<context>
    <name>DefaultNames</name>
    <message>
        <source>New</source>
        <translation>ថ្មី</translation>
    </message>
    <message>
        <source>Qualified</source>
        <translation>មានសក្តានុពល</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>បានផ្តល់សំណើ</translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation>កំពុងចរចា</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>លក់បាន</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់ឱកាស</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>ហាង</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Facebook</source>
        <translation>ហ្វេសប៊ុក</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>តេឡេក្រាម</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>ដឹកជញ្ជូន</translation>
    </message>
    <message>
        <source>Price too high</source>
        <translation>តម្លៃខ្ពស់ពេក</translation>
    </message>
    <message>
        <source>Chose a competitor</source>
        <translation>ជ្រើសគូប្រជែង</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>គ្មានថវិកា</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>មិនឆ្លើយតប</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>%1 is a backup: it is never changed. Restore it from File ▸ Backups, or open it read-only to look at it.</source>
        <translation>%1 ជាការបម្រុងទុក៖ វាមិនដែលត្រូវបានកែប្រែទេ។ សូមស្ដារវាពី ឯកសារ ▸ ការបម្រុងទុក ឬបើកវាជាបានតែអាន ដើម្បីមើល។</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ជាថត មិនមែនជាឯកសារទេ។</translation>
    </message>
    <message>
        <source>%1 is a folder, not a shop file.</source>
        <translation>%1 ជាថត មិនមែនជាឯកសារហាងទេ។</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 ខូច។</translation>
    </message>
    <message>
        <source>%1 is empty: it holds no shop.</source>
        <translation>%1 ទទេ៖ វាគ្មានហាងនៅក្នុងនោះទេ។</translation>
    </message>
    <message>
        <source>%1 is not a KPI Desk shop file.</source>
        <translation>%1 មិនមែនជាឯកសារហាង KPI Desk ទេ។</translation>
    </message>
    <message>
        <source>%1 is not there. If it is on a USB stick, plug it in and try again.</source>
        <translation>រកមិនឃើញ %1 ទេ។ បើវានៅលើ USB សូមដោត USB ហើយព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <source>%1 is on a disk that cannot be written to.</source>
        <translation>%1 នៅលើថាសដែលមិនអាចសរសេរចូលបាន។</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of KPI Desk. Install the newer version to open it; this version will not change it.</source>
        <translation>%1 ត្រូវបានរក្សាទុកដោយ KPI Desk កំណែថ្មីជាង។ សូមដំឡើងកំណែថ្មីជាងដើម្បីបើកវា កំណែនេះនឹងមិនកែប្រែវាទេ។</translation>
    </message>
    <message>
        <source>%1 was saved by an older version of KPI Desk and must be opened for writing once to be updated.</source>
        <translation>%1 ត្រូវបានរក្សាទុកដោយ KPI Desk កំណែចាស់ជាង ហើយត្រូវបើកសម្រាប់សរសេរម្ដង ដើម្បីធ្វើបច្ចុប្បន្នភាព។</translation>
    </message>
    <message>
        <source>A backup was made but did not pass its check, so it was not kept. The shop file itself may be damaged: keep your older backups and ask for help before deleting anything.</source>
        <translation>ការបម្រុងទុកត្រូវបានធ្វើ ប៉ុន្តែមិនបានឆ្លងការត្រួតពិនិត្យ ដូច្នេះវាមិនត្រូវបានរក្សាទុកទេ។ ឯកសារហាងខ្លួនឯងប្រហែលជាខូច៖ សូមរក្សាការបម្រុងទុកចាស់ៗរបស់អ្នក ហើយសុំជំនួយមុនពេលលុបអ្វីមួយ។</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>ចម្លងព័ត៌មានលម្អិត</translation>
    </message>
    <message>
        <source>KPI Desk met an unexpected error. Your saved records are safe; the last action may not have finished. The details were written to the log file.</source>
        <translation>KPI Desk ជួបកំហុសដែលមិននឹកស្មានដល់។ កំណត់ត្រាដែលបានរក្សាទុកនៅមានសុវត្ថិភាព ប៉ុន្តែសកម្មភាពចុងក្រោយប្រហែលមិនទាន់បញ្ចប់។ ព័ត៌មានលម្អិតត្រូវបានសរសេរទៅក្នុងឯកសារកំណត់ហេតុ។</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>មិនបានរក្សាទុក</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>មានបញ្ហាកើតឡើង</translation>
    </message>
    <message>
        <source>The backup could not be written: %1 cannot be written to. Choose another backup folder.</source>
        <translation>មិនអាចសរសេរការបម្រុងទុកបានទេ៖ មិនអាចសរសេរចូល %1 បានទេ។ សូមជ្រើសថតបម្រុងទុកផ្សេង។</translation>
    </message>
    <message>
        <source>The backup could not be written: the backup folder %1 is not there. If it is on a USB stick, plug it in; or choose another folder.</source>
        <translation>មិនអាចសរសេរការបម្រុងទុកបានទេ៖ រកមិនឃើញថតបម្រុងទុក %1 ទេ។ បើវានៅលើ USB សូមដោត USB ឬជ្រើសថតផ្សេង។</translation>
    </message>
    <message>
        <source>The backup could not be written: the disk of %1 is full. Free some space, or choose another backup folder.</source>
        <translation>មិនអាចសរសេរការបម្រុងទុកបានទេ៖ ថាសនៃ %1 ពេញ។ សូមបង្កើតទំហំទំនេរ ឬជ្រើសថតបម្រុងទុកផ្សេង។</translation>
    </message>
    <message>
        <source>The backup could not be written: the disk reported an error (%1).</source>
        <translation>មិនអាចសរសេរការបម្រុងទុកបានទេ៖ ថាសរាយការណ៍កំហុស (%1)។</translation>
    </message>
    <message>
        <source>The computer could not read or write %1.</source>
        <translation>កុំព្យូទ័រមិនអាចអាន ឬសរសេរ %1 បានទេ។</translation>
    </message>
    <message>
        <source>The disk is full, so %1 could not be written. Free some space and try again.</source>
        <translation>ថាសពេញ ដូច្នេះមិនអាចសរសេរ %1 បានទេ។ សូមបង្កើតទំហំទំនេរ ហើយព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <source>The disk is full, so this change was not saved. Your earlier records are safe. Free some space and try again.</source>
        <translation>ថាសពេញ ដូច្នេះការកែប្រែនេះមិនត្រូវបានរក្សាទុកទេ។ កំណត់ត្រាមុនៗរបស់អ្នកនៅមានសុវត្ថិភាព។ សូមបង្កើតទំហំទំនេរ ហើយព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <source>The disk reported an error while using %1. Check the disk or USB stick.</source>
        <translation>ថាសរាយការណ៍កំហុស ពេលកំពុងប្រើ %1។ សូមពិនិត្យថាស ឬ USB។</translation>
    </message>
    <message>
        <source>The disk reported an error, so this change was not saved. Your earlier records are safe. Check the disk or USB stick.</source>
        <translation>ថាសរាយការណ៍កំហុស ដូច្នេះការកែប្រែនេះមិនត្រូវបានរក្សាទុកទេ។ កំណត់ត្រាមុនៗរបស់អ្នកនៅមានសុវត្ថិភាព។ សូមពិនិត្យថាស ឬ USB។</translation>
    </message>
    <message>
        <source>The shop file is busy in another program. This change was not saved; try again in a moment.</source>
        <translation>ឯកសារហាងកំពុងប្រើដោយកម្មវិធីផ្សេង។ ការកែប្រែនេះមិនត្រូវបានរក្សាទុកទេ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។</translation>
    </message>
    <message>
        <source>The shop file is busy in another program. Try again in a moment.</source>
        <translation>ឯកសារហាងកំពុងប្រើដោយកម្មវិធីផ្សេង។ សូមព្យាយាមម្តងទៀតបន្តិចទៀត។</translation>
    </message>
    <message>
        <source>The shop file was moved or replaced by another program while it was open, so this change was not saved. Close KPI Desk and open the shop again.</source>
        <translation>ឯកសារហាងត្រូវបានផ្លាស់ទី ឬជំនួសដោយកម្មវិធីផ្សេង ពេលវាកំពុងបើក ដូច្នេះការកែប្រែនេះមិនត្រូវបានរក្សាទុកទេ។ សូមបិទ KPI Desk ហើយបើកហាងម្តងទៀត។</translation>
    </message>
    <message>
        <source>The shop file&apos;s folder cannot be written to, so this change was not saved. Your earlier records are safe.</source>
        <translation>មិនអាចសរសេរចូលថតនៃឯកសារហាងបានទេ ដូច្នេះការកែប្រែនេះមិនត្រូវបានរក្សាទុកទេ។ កំណត់ត្រាមុនៗរបស់អ្នកនៅមានសុវត្ថិភាព។</translation>
    </message>
    <message>
        <source>The shop file&apos;s folder is not there any more (a USB stick taken out?), so this change was not saved. Your earlier records are safe. Put it back and try again.</source>
        <translation>រកមិនឃើញថតនៃឯកសារហាងទៀតទេ (ប្រហែលជា USB ត្រូវបានដកចេញ?) ដូច្នេះការកែប្រែនេះមិនត្រូវបានរក្សាទុកទេ។ កំណត់ត្រាមុនៗរបស់អ្នកនៅមានសុវត្ថិភាព។ សូមដោតវាវិញ ហើយព្យាយាមម្តងទៀត។</translation>
    </message>
    <message>
        <source>This backup is damaged: it does not pass its check, so it cannot be restored.</source>
        <translation>ការបម្រុងទុកនេះខូច៖ វាមិនឆ្លងការត្រួតពិនិត្យ ដូច្នេះមិនអាចស្ដារបានទេ។</translation>
    </message>
    <message>
        <source>This backup is of another shop (%1, %2 orders, last sale %3).</source>
        <translation>ការបម្រុងទុកនេះជារបស់ហាងផ្សេង (%1 ៖ ការបញ្ជាទិញ %2 ការលក់ចុងក្រោយ %3)។</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of KPI Desk. Install the newer version to restore it.</source>
        <translation>ការបម្រុងទុកនេះត្រូវបានធ្វើដោយ KPI Desk កំណែថ្មីជាង។ សូមដំឡើងកំណែថ្មីជាង ដើម្បីស្ដារវា។</translation>
    </message>
    <message>
        <source>This change was not saved. Your earlier records are safe.</source>
        <translation>ការកែប្រែនេះមិនត្រូវបានរក្សាទុកទេ។ កំណត់ត្រាមុនៗរបស់អ្នកនៅមានសុវត្ថិភាព។</translation>
    </message>
    <message>
        <source>This file is not a KPI Desk backup.</source>
        <translation>ឯកសារនេះមិនមែនជាការបម្រុងទុករបស់ KPI Desk ទេ។</translation>
    </message>
    <message>
        <source>This input was refused: %1</source>
        <translation>ការបញ្ចូលនេះត្រូវបានបដិសេធ៖ %1</translation>
    </message>
    <message>
        <source>This is a backup, opened read-only: nothing can be saved in it. To work with it, restore it from File ▸ Backups.</source>
        <translation>នេះជាការបម្រុងទុក ដែលបើកជាបានតែអាន៖ មិនអាចរក្សាទុកអ្វីក្នុងវាបានទេ។ ដើម្បីប្រើវា សូមស្ដារវាពី ឯកសារ ▸ ការបម្រុងទុក។</translation>
    </message>
    <message>
        <source>This shop file is already open in KPI Desk (process %1 on %2, since %3). Close it there first, or open another shop file.</source>
        <translation>ឯកសារហាងនេះកំពុងបើកក្នុង KPI Desk រួចហើយ (ដំណើរការ %1 លើ %2 តាំងពី %3)។ សូមបិទវានៅទីនោះសិន ឬបើកឯកសារហាងផ្សេង។</translation>
    </message>
    <message>
        <source>This shop file is already open in KPI Desk, through another name of the same file. Close it there first, or open another shop file.</source>
        <translation>ឯកសារហាងនេះកំពុងបើកក្នុង KPI Desk រួចហើយ តាមឈ្មោះផ្សេងនៃឯកសារតែមួយ។ សូមបិទវានៅទីនោះសិន ឬបើកឯកសារហាងផ្សេង។</translation>
    </message>
    <message>
        <source>This shop file is on a disk that cannot be written to (a locked USB stick, a CD, or a folder you have no permission for), so it was opened read-only: you can look, but nothing can be saved.</source>
        <translation>ឯកសារហាងនេះនៅលើថាសដែលមិនអាចសរសេរចូលបាន (USB ដែលចាក់សោ ស៊ីឌី ឬថតដែលអ្នកគ្មានសិទ្ធិ) ដូច្នេះវាត្រូវបានបើកជាបានតែអាន៖ អ្នកអាចមើលបាន ប៉ុន្តែមិនអាចរក្សាទុកអ្វីបានទេ។</translation>
    </message>
    <message>
        <source>You do not have permission to use %1.</source>
        <translation>អ្នកគ្មានសិទ្ធិប្រើ %1 ទេ។</translation>
    </message>
    <message>
        <source>the backup folder</source>
        <translation>ថតបម្រុងទុក</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>CSV, opens in Excel (*.csv)</source>
        <translation>CSV បើកបានក្នុង Excel (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>មិនអាចសរសេរ %1 បានទេ៖ %2</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>សៀវភៅបញ្ជី Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>នាំចេញ</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>%1 rows read: %2 good, %3 with errors.</source>
        <translation>បានអាន %1 ជួរ៖ ល្អ %2 មានកំហុស %3។</translation>
    </message>
    <message>
        <source>%1 rows with errors were left out.</source>
        <translation>ជួរដែលមានកំហុស %1 ត្រូវបានទុកចោល។</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>រកមើល… (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>ឯកសារ (&amp;F)៖</translation>
    </message>
    <message>
        <source>&amp;Import the good rows</source>
        <translation>នាំចូលជួរដែលល្អ (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>បន្ទាប់ &gt; (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save rejected rows…</source>
        <translation>រក្សាទុកជួរដែលបដិសេធ… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;What to import:</source>
        <translation>អ្វីដែលត្រូវនាំចូល (&amp;W)៖</translation>
    </message>
    <message>
        <source>1. Choose the file</source>
        <translation>១. ជ្រើសឯកសារ</translation>
    </message>
    <message>
        <source>2. Match the columns</source>
        <translation>២. ផ្គូផ្គងជួរឈរ</translation>
    </message>
    <message>
        <source>3. Check the rows</source>
        <translation>៣. ពិនិត្យជួរ</translation>
    </message>
    <message>
        <source>4. Done</source>
        <translation>៤. រួចរាល់</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; ថយក្រោយ (&amp;B)</translation>
    </message>
    <message>
        <source>Amount (line total)</source>
        <translation>ទឹកប្រាក់ (សរុបជួរ)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV (UTF-8, UTF-16; comma, semicolon or tab), XLSX, or a .gz of a CSV. Nothing is saved until you confirm.</source>
        <translation>CSV (UTF-8, UTF-16; ក្បៀស ចំណុចក្បៀស ឬ tab), XLSX ឬ CSV ដែលបង្ហាប់ជា .gz។ គ្មានអ្វីត្រូវបានរក្សាទុកទេ រហូតដល់អ្នកបញ្ជាក់។</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>បានបោះបង់។ គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទទំនិញ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>មធ្យោបាយលក់</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>កំពុងពិនិត្យគ្រប់ជួរ…</translation>
    </message>
    <message>
        <source>Choose a column for every required field.</source>
        <translation>សូមជ្រើសជួរឈរមួយសម្រាប់ប្រអប់ដែលត្រូវការនីមួយៗ។</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>ជ្រើសឯកសារដែលត្រូវនាំចូល</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ថ្ងៃបិទ</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ជួរឈរ</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ថ្ងៃបង្កើត</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>រូបិយប័ណ្ណ</translation>
    </message>
    <message>
        <source>Currency when the file does not say:</source>
        <translation>រូបិយប័ណ្ណ ពេលឯកសារមិនបញ្ជាក់៖</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>លេខសម្គាល់អតិថិជន</translation>
    </message>
    <message>
        <source>Daily total (yes/no)</source>
        <translation>សរុបប្រចាំថ្ងៃ (បាទ/ទេ)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Dates like 01/02/2026 are:</source>
        <translation>កាលបរិច្ឆេទដូចជា ០១/០២/២០២៦ គឺ៖</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>អត្រាប្តូរប្រាក់</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>ថ្ងៃរំពឹងបិទការលក់</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>នាំចូល</translation>
    </message>
    <message>
        <source>Import the good rows, or cancel, fix the file and import it again (rows already imported are recognised and skipped).</source>
        <translation>នាំចូលជួរដែលល្អ ឬបោះបង់ កែឯកសារ ហើយនាំចូលម្តងទៀត (ជួរដែលបាននាំចូលរួចនឹងត្រូវស្គាល់ ហើយរំលង)។</translation>
    </message>
    <message>
        <source>Imported %1 rows; %2 were already in the shop.</source>
        <translation>បាននាំចូល %1 ជួរ ហើយ %2 មាននៅក្នុងហាងរួចហើយ។</translation>
    </message>
    <message>
        <source>Imported %1 sales lines in %2 orders; %3 new customers. %4 orders were already in the shop and were skipped.</source>
        <translation>បាននាំចូលការលក់ %1 ជួរ ក្នុងការបញ្ជាទិញ %2 អតិថិជនថ្មី %3។ ការបញ្ជាទិញ %4 មាននៅក្នុងហាងរួចហើយ ហើយត្រូវបានរំលង។</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>កំពុងនាំចូល…</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>អតិថិជនសក្តានុពល</translation>
    </message>
    <message>
        <source>Lead or customer</source>
        <translation>អតិថិជនសក្តានុពល ឬអតិថិជន</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ជួរ</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់ឱកាស</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>មូលហេតុបាត់ឱកាស</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>រង្វាស់</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>អតិថិជនថ្មី</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>កំណត់ចំណាំ</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>គ្មានអ្វីត្រូវបាននាំចូលទេ។</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>គ្មានអ្វីត្រូវបាននាំចូលទេ៖ %1</translation>
    </message>
    <message>
        <source>Old .xls workbooks are not supported: save it as .xlsx or CSV.</source>
        <translation>មិនគាំទ្រសៀវភៅបញ្ជី .xls ចាស់ទេ៖ សូមរក្សាទុកវាជា .xlsx ឬ CSV។</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>កំពុងតាមដាន</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>ឱកាសលក់</translation>
    </message>
    <message>
        <source>Order note</source>
        <translation>កំណត់ចំណាំការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>លេខយោងការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>អ្នកទទួលបន្ទុក</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>លទ្ធភាពលក់បាន</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>មូលហេតុ</translation>
    </message>
    <message>
        <source>Receipt / order number</source>
        <translation>លេខវិក្កយបត្រ / ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>លេខយោង</translation>
    </message>
    <message>
        <source>Refund / cancelled mark</source>
        <translation>សញ្ញាសងប្រាក់វិញ / បោះបង់</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>ចំណូល</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>ការលក់</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>រក្សាទុកជួរដែលបដិសេធ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ប្រភព</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt *.tsv *.gz);;All files (*)</source>
        <translation>សៀវភៅបញ្ជី (*.csv *.xlsx *.txt *.tsv *.gz);;ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>The CSV file is malformed.</source>
        <translation>ឯកសារ CSV មានទម្រង់មិនត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>មិនអាចអានឯកសារបានទេ។</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>ឯកសារមិនមានទេ។</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>ឯកសារទទេ។</translation>
    </message>
    <message>
        <source>The file&apos;s text encoding is not supported.</source>
        <translation>មិនគាំទ្រការអ៊ិនកូដអត្ថបទរបស់ឯកសារនេះទេ។</translation>
    </message>
    <message>
        <source>The first rows as they will be stored:</source>
        <translation>ជួរដំបូងៗ ដូចដែលនឹងត្រូវរក្សាទុក៖</translation>
    </message>
    <message>
        <source>The mapping names columns the file does not have.</source>
        <translation>ការផ្គូផ្គងដាក់ឈ្មោះជួរឈរដែលឯកសារមិនមាន។</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>ចំណងជើង</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>តម្លៃរាយ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>តម្លៃ</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>លក់បាន</translation>
    </message>
    <message>
        <source>Won opportunities</source>
        <translation>ឱកាសលក់បាន</translation>
    </message>
    <message>
        <source>currency must be USD or KHR</source>
        <translation>រូបិយប័ណ្ណត្រូវតែជា USD ឬ KHR</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>ថ្ងៃ/ខែ/ឆ្នាំ</translation>
    </message>
    <message>
        <source>exchange rate must be above zero</source>
        <translation>អត្រាប្តូរប្រាក់ត្រូវតែធំជាងសូន្យ</translation>
    </message>
    <message>
        <source>line</source>
        <translation>ជួរ</translation>
    </message>
    <message>
        <source>measure must be revenue, new customers or won opportunities</source>
        <translation>រង្វាស់ត្រូវតែជា ចំណូល អតិថិជនថ្មី ឬឱកាសលក់បាន</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>ខែ/ថ្ងៃ/ឆ្នាំ</translation>
    </message>
    <message>
        <source>must be lead or customer</source>
        <translation>ត្រូវតែជាអតិថិជនសក្តានុពល ឬអតិថិជន</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>មិនត្រូវអវិជ្ជមានទេ</translation>
    </message>
    <message>
        <source>no such stage</source>
        <translation>គ្មានដំណាក់កាលនេះទេ</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>មិនមែនជាកាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>not a month</source>
        <translation>មិនមែនជាខែ</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>មិនមែនជាលេខ</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>មិនមែនជាលេខគត់</translation>
    </message>
    <message>
        <source>probability must be 0 to 100</source>
        <translation>លទ្ធភាពលក់បានត្រូវតែពី ០ ដល់ ១០០</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>បញ្ហា</translation>
    </message>
    <message>
        <source>quantity is zero</source>
        <translation>ចំនួនស្មើសូន្យ</translation>
    </message>
    <message>
        <source>status must be open, won or lost</source>
        <translation>ស្ថានភាពត្រូវតែជា កំពុងតាមដាន លក់បាន ឬបាត់ឱកាស</translation>
    </message>
    <message>
        <source>value missing</source>
        <translation>ខ្វះតម្លៃ</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— មិនមានក្នុងឯកសារ —</translation>
    </message>
</context>
<context>
    <name>Input</name>
    <message>
        <source>A name is required.</source>
        <translation>ត្រូវការឈ្មោះ។</translation>
    </message>
    <message>
        <source>A sale needs at least one line.</source>
        <translation>ការលក់មួយត្រូវមានយ៉ាងហោចណាស់មួយជួរ។</translation>
    </message>
    <message>
        <source>Choose USD or KHR.</source>
        <translation>សូមជ្រើស USD ឬ KHR។</translation>
    </message>
    <message>
        <source>No product has this name. Choose one from the list, or leave it empty.</source>
        <translation>គ្មានទំនិញណាមានឈ្មោះនេះទេ។ សូមជ្រើសពីបញ្ជី ឬទុកឱ្យទទេ។</translation>
    </message>
    <message>
        <source>Riel amounts are whole numbers, without decimals.</source>
        <translation>ទឹកប្រាក់រៀលជាលេខគត់ គ្មានខ្ទង់ទសភាគទេ។</translation>
    </message>
    <message>
        <source>The amount cannot be zero.</source>
        <translation>ទឹកប្រាក់មិនអាចស្មើសូន្យបានទេ។</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>ទឹកប្រាក់ត្រូវតែធំជាងសូន្យ។</translation>
    </message>
    <message>
        <source>The quantity cannot be zero.</source>
        <translation>ចំនួនមិនអាចស្មើសូន្យបានទេ។</translation>
    </message>
    <message>
        <source>The quantity must be a number, e.g. 1 or 2.5.</source>
        <translation>ចំនួនត្រូវតែជាលេខ ឧ. ១ ឬ ២.៥។</translation>
    </message>
    <message>
        <source>The rate must be a whole number of riel per dollar, more than zero.</source>
        <translation>អត្រាប្តូរប្រាក់ត្រូវតែជាចំនួនរៀលគត់ក្នុងមួយដុល្លារ ធំជាងសូន្យ។</translation>
    </message>
    <message>
        <source>The value cannot be zero.</source>
        <translation>តម្លៃមិនអាចស្មើសូន្យបានទេ។</translation>
    </message>
    <message>
        <source>The value must be more than zero.</source>
        <translation>តម្លៃត្រូវតែធំជាងសូន្យ។</translation>
    </message>
    <message>
        <source>This contact has sales: merge it into another contact instead of deleting it.</source>
        <translation>ទំនាក់ទំនងនេះមានការលក់៖ សូមបញ្ចូលវាទៅក្នុងទំនាក់ទំនងមួយទៀត ជំនួសឱ្យការលុប។</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>ទំនាក់ទំនងនេះលែងមានទៀតហើយ។</translation>
    </message>
    <message>
        <source>This date does not exist. Type day/month/year, e.g. 26/11/2026.</source>
        <translation>កាលបរិច្ឆេទនេះមិនមានទេ។ សូមវាយ ថ្ងៃ/ខែ/ឆ្នាំ ឧ. ២៦/១១/២០២៦។</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>ត្រូវបំពេញប្រអប់នេះ។</translation>
    </message>
    <message>
        <source>This is in use and cannot be removed.</source>
        <translation>វាកំពុងប្រើ ហើយមិនអាចដកចេញបានទេ។</translation>
    </message>
    <message>
        <source>This is not a number.</source>
        <translation>នេះមិនមែនជាលេខទេ។</translation>
    </message>
    <message>
        <source>This is not an amount. Type digits, e.g. 1,250.50.</source>
        <translation>នេះមិនមែនជាទឹកប្រាក់ទេ។ សូមវាយជាលេខ ឧ. ១,២៥០.៥០។</translation>
    </message>
    <message>
        <source>This name is already used.</source>
        <translation>ឈ្មោះនេះត្រូវបានប្រើរួចហើយ។</translation>
    </message>
    <message>
        <source>This name is in use and cannot be removed.</source>
        <translation>ឈ្មោះនេះកំពុងប្រើ ហើយមិនអាចដកចេញបានទេ។</translation>
    </message>
    <message>
        <source>This period does not exist.</source>
        <translation>រយៈពេលនេះមិនមានទេ។</translation>
    </message>
    <message>
        <source>This record has sales and cannot be deleted.</source>
        <translation>កំណត់ត្រានេះមានការលក់ ហើយមិនអាចលុបបានទេ។</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>កំណត់ត្រានេះលែងមានទៀតហើយ។</translation>
    </message>
    <message>
        <source>This sale no longer exists.</source>
        <translation>ការលក់នេះលែងមានទៀតហើយ។</translation>
    </message>
    <message>
        <source>This value was refused (%1).</source>
        <translation>តម្លៃនេះត្រូវបានបដិសេធ (%1)។</translation>
    </message>
    <message>
        <source>Too many decimals for this currency.</source>
        <translation>ខ្ទង់ទសភាគច្រើនពេកសម្រាប់រូបិយប័ណ្ណនេះ។</translation>
    </message>
    <message>
        <source>Too many decimals.</source>
        <translation>ខ្ទង់ទសភាគច្រើនពេក។</translation>
    </message>
    <message>
        <source>Type a date, e.g. 26/11/2026.</source>
        <translation>សូមវាយកាលបរិច្ឆេទ ឧ. ២៦/១១/២០២៦។</translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation>សូមវាយទឹកប្រាក់។</translation>
    </message>
    <message>
        <source>Type the exchange rate (riel per dollar).</source>
        <translation>សូមវាយអត្រាប្តូរប្រាក់ (រៀលក្នុងមួយដុល្លារ)។</translation>
    </message>
    <message>
        <source>Unknown measure.</source>
        <translation>រង្វាស់មិនស្គាល់។</translation>
    </message>
    <message>
        <source>Walk-in (type a name or phone)</source>
        <translation>ភ្ញៀវដើរចូល (វាយឈ្មោះ ឬលេខទូរស័ព្ទ)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ថ្ងៃ/ខែ/ឆ្នាំ</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Mark as lost</source>
        <translation>កត់ថាបាត់ឱកាស</translation>
    </message>
    <message>
        <source>Why was “%1” lost? Choose a reason or type a new one.</source>
        <translation>ហេតុអ្វីបានជាបាត់ឱកាស «%1»? សូមជ្រើសមូលហេតុ ឬវាយមូលហេតុថ្មី។</translation>
    </message>
    <message>
        <source>Mark lost</source>
        <translation>កត់ថាបាត់ឱកាស</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>%1 already exists. Choose another name, or open it with Open shop file.</source>
        <translation>%1 មានរួចហើយ។ សូមជ្រើសឈ្មោះផ្សេង ឬបើកវាដោយ បើកឯកសារហាង។</translation>
    </message>
    <message>
        <source>&amp;About KPI Desk</source>
        <translation>អំពី KPI Desk (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>ការបម្រុងទុក… (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>កែសម្រួល (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Export this table…</source>
        <translation>នាំចេញតារាងនេះ… (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ឯកសារ (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ជំនួយ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Import from CSV or Excel…</source>
        <translation>នាំចូលពី CSV ឬ Excel… (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ភាសា (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New shop file…</source>
        <translation>ឯកសារហាងថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open shop file…</source>
        <translation>បើកឯកសារហាង… (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ចាកចេញ (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>នាំចេញ</translation>
    </message>
    <message>
        <source>Export this table…</source>
        <translation>នាំចេញតារាងនេះ…</translation>
    </message>
    <message>
        <source>Owner &amp;PIN…</source>
        <translation>លេខសម្ងាត់ម្ចាស់ហាង… (&amp;P)</translation>
    </message>
    <message>
        <source>Save the table you are looking at, as filtered, to CSV or Excel</source>
        <translation>រក្សាទុកតារាងដែលអ្នកកំពុងមើល តាមការត្រងបច្ចុប្បន្ន ជា CSV ឬ Excel</translation>
    </message>
    <message>
        <source>This screen has no table to export.</source>
        <translation>អេក្រង់នេះគ្មានតារាងសម្រាប់នាំចេញទេ។</translation>
    </message>
    <message>
        <source>KPI Desk shop files (*.db)</source>
        <translation>ឯកសារហាង KPI Desk (*.db)</translation>
    </message>
    <message>
        <source>KPI Desk shop files (*.db);;All files (*)</source>
        <translation>ឯកសារហាង KPI Desk (*.db);;ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>New shop file</source>
        <translation>ឯកសារហាងថ្មី</translation>
    </message>
    <message>
        <source>Open &amp;my shop</source>
        <translation>បើកហាងរបស់ខ្ញុំ (&amp;M)</translation>
    </message>
    <message>
        <source>Open shop file</source>
        <translation>បើកឯកសារហាង</translation>
    </message>
    <message>
        <source>Open the &amp;demo shop</source>
        <translation>បើកហាងសាកល្បង (&amp;D)</translation>
    </message>
</context>
<context>
    <name>NamedListEditor</name>
    <message>
        <source>(no category)</source>
        <translation>(គ្មានប្រភេទ)</translation>
    </message>
    <message>
        <source>New salesperson&apos;s name</source>
        <translation>ឈ្មោះអ្នកលក់ថ្មី</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>ប្រភេទទំនិញថ្មី</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>ទំនិញថ្មី</translation>
    </message>
    <message>
        <source>New sales channel</source>
        <translation>មធ្យោបាយលក់ថ្មី</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>មូលហេតុថ្មី</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>បន្ថែម</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ដកចេញ</translation>
    </message>
    <message>
        <source>Double-click a name to rename it.</source>
        <translation>ចុចពីរដងលើឈ្មោះ ដើម្បីប្តូរឈ្មោះ។</translation>
    </message>
    <message>
        <source>Double-click a name to rename it. Removing one that has sales only marks it inactive: its sales stay.</source>
        <translation>ចុចពីរដងលើឈ្មោះ ដើម្បីប្តូរឈ្មោះ។ ការដកចេញនូវឈ្មោះដែលមានការលក់ គ្រាន់តែកត់ថាឈប់ប្រើប៉ុណ្ណោះ៖ ការលក់របស់វានៅដដែល។</translation>
    </message>
    <message>
        <source>Select a row first.</source>
        <translation>សូមជ្រើសជួរមួយសិន។</translation>
    </message>
</context>
<context>
    <name>NamedListModel</name>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទទំនិញ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>ឈប់ប្រើ</translation>
    </message>
</context>
<context>
    <name>OpportunitiesModel</name>
    <message>
        <source>Opportunity</source>
        <translation>ឱកាសលក់</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>តម្លៃ</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>លទ្ធភាពលក់បាន</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>តាមលទ្ធភាព</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>អ្នកទទួលបន្ទុក</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ថ្ងៃបង្កើត</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>ថ្ងៃរំពឹងបិទការលក់</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ថ្ងៃបិទ</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>មូលហេតុបាត់ឱកាស</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Edit opportunity</source>
        <translation>កែឱកាសលក់</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>ឱកាសលក់ថ្មី</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>ចំណងជើង (&amp;T)៖</translation>
    </message>
    <message>
        <source>&amp;Contact:</source>
        <translation>ទំនាក់ទំនង (&amp;C)៖</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>តម្លៃ (&amp;V)៖</translation>
    </message>
    <message>
        <source>St&amp;age:</source>
        <translation>ដំណាក់កាល (&amp;A)៖</translation>
    </message>
    <message>
        <source>&amp;Probability:</source>
        <translation>លទ្ធភាពលក់បាន (&amp;P)៖</translation>
    </message>
    <message>
        <source>&amp;Expected close:</source>
        <translation>ថ្ងៃរំពឹងបិទការលក់ (&amp;E)៖</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>អ្នកទទួលបន្ទុក (&amp;O)៖</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>កំណត់ចំណាំ (&amp;O)៖</translation>
    </message>
    <message>
        <source>Type part of a name or phone</source>
        <translation>វាយផ្នែកខ្លះនៃឈ្មោះ ឬលេខទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>e.g. 1,200.00</source>
        <translation>ឧ. 1,200.00</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>ថ្ងៃ/ខែ/ឆ្នាំ</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>OpportunityStatus</name>
    <message>
        <source>Open</source>
        <translation>កំពុងតាមដាន</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>លក់បាន</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់ឱកាស</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>&amp;New PIN (4 to 12 digits):</source>
        <translation>លេខសម្ងាត់ថ្មី (ពី ៤ ដល់ ១២ខ្ទង់) (&amp;N)៖</translation>
    </message>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>វាយម្តងទៀត (&amp;R)៖</translation>
    </message>
    <message>
        <source>A PIN is 4 to 12 digits.</source>
        <translation>លេខសម្ងាត់មានពី ៤ ដល់ ១២ខ្ទង់។</translation>
    </message>
    <message>
        <source>Owner PIN</source>
        <translation>លេខសម្ងាត់ម្ចាស់ហាង</translation>
    </message>
    <message>
        <source>Remove the PIN</source>
        <translation>ដកលេខសម្ងាត់ចេញ</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>លេខសម្ងាត់នោះមិនត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>លេខសម្ងាត់ទាំងពីរមិនដូចគ្នាទេ។</translation>
    </message>
    <message>
        <source>This needs the owner&apos;s PIN:</source>
        <translation>ការនេះត្រូវការលេខសម្ងាត់ម្ចាស់ហាង៖</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 seconds.</source>
        <translation>បញ្ចូលលេខសម្ងាត់ខុសច្រើនដងពេក។ សូមព្យាយាមម្តងទៀតក្នុងរយៈពេល %1 វិនាទី។</translation>
    </message>
    <message>
        <source>With an owner PIN, staff can still enter sales and contacts and see every figure, but changing targets and settings, deleting or merging records, restoring backups and exporting ask for the PIN.</source>
        <translation>ពេលមានលេខសម្ងាត់ម្ចាស់ហាង បុគ្គលិកនៅតែអាចបញ្ចូលការលក់ និងទំនាក់ទំនង ហើយមើលតួលេខទាំងអស់បាន ប៉ុន្តែការប្តូរគោលដៅ និងការកំណត់ ការលុប ឬបញ្ចូលកំណត់ត្រាចូលគ្នា ការស្ដារការបម្រុងទុក និងការនាំចេញ នឹងសួររកលេខសម្ងាត់។</translation>
    </message>
</context>
<context>
    <name>PipelineBoard</name>
    <message>
        <source>%1
%2
Owner: %3</source>
        <translation>%1
%2
អ្នកទទួលបន្ទុក៖ %3</translation>
    </message>
    <message>
        <source>%1 (last %2 days)
%3 cards · %4</source>
        <translation>%1 (%2 ថ្ងៃចុងក្រោយ)
កាត %3 · %4</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2%
%3 cards · %4</source>
        <translation>%1 · %2%
កាត %3 · %4</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>(គ្មានទំនាក់ទំនង)</translation>
    </message>
    <message>
        <source>Close by %1</source>
        <translation>បិទត្រឹម %1</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>បានបិទ %1</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>គ្មានថ្ងៃបិទ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>ហួសកាលកំណត់</translation>
    </message>
    <message>
        <source>Overdue: expected to close by %1</source>
        <translation>ហួសកាលកំណត់៖ រំពឹងថានឹងបិទត្រឹម %1</translation>
    </message>
</context>
<context>
    <name>PipelineTab</name>
    <message>
        <source>Pipeline</source>
        <translation>ឱកាសលក់</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>ផ្ទាំង (&amp;B)</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>តារាង (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New opportunity…</source>
        <translation>ឱកាសលក់ថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <source>Add an opportunity (Ctrl+Shift+O)</source>
        <translation>បន្ថែមឱកាសលក់ (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>កែ… (&amp;E)</translation>
    </message>
    <message>
        <source>Mark &amp;won…</source>
        <translation>កត់ថាលក់បាន… (&amp;W)</translation>
    </message>
    <message>
        <source>Mark &amp;lost…</source>
        <translation>កត់ថាបាត់ឱកាស… (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>បើកឡើងវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>Drag a card to another column, or select it and press Ctrl+Right / Ctrl+Left to move it to the next / previous stage. Cards with a red border are overdue.</source>
        <translation>អូសកាតទៅជួរឈរផ្សេង ឬជ្រើសវា ហើយចុច Ctrl+Right / Ctrl+Left ដើម្បីផ្លាស់វាទៅដំណាក់កាលបន្ទាប់ / មុន។ កាតដែលមានស៊ុមក្រហម គឺហួសកាលកំណត់។</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>ស្វែងរក (&amp;S)៖</translation>
    </message>
    <message>
        <source>Title or contact</source>
        <translation>ចំណងជើង ឬទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>ស្ថានភាព (&amp;T)៖</translation>
    </message>
    <message>
        <source>All</source>
        <translation>ទាំងអស់</translation>
    </message>
    <message>
        <source>Open: %1 opportunities worth %2 (weighted %3) · overdue: %4 · win rate this month: %5</source>
        <translation>កំពុងតាមដាន៖ ឱកាសលក់ %1 តម្លៃ %2 (តាមលទ្ធភាព %3) · ហួសកាលកំណត់៖ %4 · អត្រាលក់បានខែនេះ៖ %5</translation>
    </message>
    <message>
        <source>Mark as won</source>
        <translation>កត់ថាលក់បាន</translation>
    </message>
    <message>
        <source>“%1” is won. Record the sale of %2 today as well?</source>
        <translation>«%1» លក់បានហើយ។ កត់ត្រាការលក់ %2 នៅថ្ងៃនេះផងដែរឬទេ?</translation>
    </message>
    <message>
        <source>Won, record the sale</source>
        <translation>លក់បាន ហើយកត់ត្រាការលក់</translation>
    </message>
    <message>
        <source>Won only</source>
        <translation>លក់បានតែប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>លុបឱកាសលក់</translation>
    </message>
    <message>
        <source>Delete the opportunity “%1”? (Edit ▸ Undo brings it back.)</source>
        <translation>លុបឱកាសលក់ «%1» ឬទេ? (កែសម្រួល ▸ មិនធ្វើវិញ អាចយកវាមកវិញ។)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Add opportunity %1</source>
        <translation>បន្ថែមឱកាសលក់ %1</translation>
    </message>
    <message>
        <source>Edit opportunity %1</source>
        <translation>កែឱកាសលក់ %1</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>ផ្លាស់ %1 ទៅ %2</translation>
    </message>
    <message>
        <source>Mark %1 won</source>
        <translation>កត់ថា %1 លក់បាន</translation>
    </message>
    <message>
        <source>Mark %1 lost</source>
        <translation>កត់ថា %1 បាត់ឱកាស</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>បើក %1 ឡើងវិញ</translation>
    </message>
    <message>
        <source>Delete opportunity %1</source>
        <translation>លុបឱកាសលក់ %1</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>ថត</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>ដ្រាយ</translation>
    </message>
</context>
<context>
    <name>QAbstractSpinBox</name>
    <message>
        <source>&amp;Select All</source>
        <translation>ជ្រើសទាំងអស់ (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Step up</source>
        <translation>បង្កើន (&amp;S)</translation>
    </message>
    <message>
        <source>Step &amp;down</source>
        <translation>បន្ថយ (&amp;D)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>មើលក្នុង (&amp;L)៖</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ឈ្មោះឯកសារ (&amp;N)៖</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ប្រភេទឯកសារ (&amp;T)៖</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>បើក (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>ជ្រើស (&amp;C)</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>ឯកសារទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ថយក្រោយ</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>ទៅមុខ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ថតមេ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>បង្កើតថតថ្មី</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>ថតថ្មី (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>ប្តូរឈ្មោះ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>បង្ហាញជាបញ្ជី</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>បង្ហាញលម្អិត</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>បង្ហាញឯកសារលាក់ (&amp;H)</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>ឯកសារ</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>ថ្ងៃកែប្រែ</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>កុំព្យូទ័រ</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>យល់ព្រម (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>បោះបង់ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>បិទដោយមិនរក្សាទុក</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>បង្ហាញព័ត៌មានលម្អិត...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>លាក់ព័ត៌មានលម្អិត...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>យល់ព្រម</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>រក្សាទុកទាំងអស់</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>បើក</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>បាទ/ចាស (&amp;Y)</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>បាទ/ចាស ទាំងអស់ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>ទេ (&amp;N)</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>ទេ ទាំងអស់ (&amp;O)</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>បញ្ឈប់</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>ព្យាយាមម្តងទៀត</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>មិនអើពើ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>បោះចោល</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>ជំនួយ</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>អនុវត្ត</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>កំណត់ឡើងវិញ</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ស្ដារលំនាំដើម</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print Preview</source>
        <translation>មើលមុនបោះពុម្ព</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>បោះពុម្ព</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>រៀបចំទំព័រ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>ទំព័របន្ទាប់</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>ទំព័រមុន</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>ទំព័រដំបូង</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>ទំព័រចុងក្រោយ</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>ឱ្យសមទទឹង</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>ឱ្យសមទំព័រ</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>ពង្រីក</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>បង្រួម</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>បញ្ឈរ</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>ផ្តេក</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>បង្ហាញមួយទំព័រ</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>បង្ហាញពីរទំព័រទល់មុខ</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>បង្ហាញទំព័រទាំងអស់</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>មិនធ្វើវិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>កាត់ (&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>ចម្លង (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>បិទភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើសទាំងអស់</translation>
    </message>
</context>
<context>
    <name>RecordErrors</name>
    <message>
        <source>Choose USD or riel.</source>
        <translation>សូមជ្រើសដុល្លារ ឬរៀល។</translation>
    </message>
    <message>
        <source>Choose an open stage.</source>
        <translation>សូមជ្រើសដំណាក់កាលកំពុងតាមដាន។</translation>
    </message>
    <message>
        <source>Choose two different contacts.</source>
        <translation>សូមជ្រើសទំនាក់ទំនងពីរផ្សេងគ្នា។</translation>
    </message>
    <message>
        <source>Enter an amount of zero or more.</source>
        <translation>សូមបញ្ចូលទឹកប្រាក់ចាប់ពីសូន្យឡើងទៅ។</translation>
    </message>
    <message>
        <source>Not a date. Write it as day/month/year, e.g. 26/11/2026.</source>
        <translation>មិនមែនជាកាលបរិច្ឆេទទេ។ សូមសរសេរជា ថ្ងៃ/ខែ/ឆ្នាំ ឧ. ២៦/១១/២០២៦។</translation>
    </message>
    <message>
        <source>Not a number.</source>
        <translation>មិនមែនជាលេខទេ។</translation>
    </message>
    <message>
        <source>The exchange rate must be above zero.</source>
        <translation>អត្រាប្តូរប្រាក់ត្រូវតែធំជាងសូន្យ។</translation>
    </message>
    <message>
        <source>The probability must be between 0 and 100 %.</source>
        <translation>លទ្ធភាពលក់បានត្រូវតែនៅចន្លោះ ០ និង ១០០%។</translation>
    </message>
    <message>
        <source>This contact has sales, so it cannot be deleted. Merge it into another contact instead.</source>
        <translation>ទំនាក់ទំនងនេះមានការលក់ ដូច្នេះមិនអាចលុបបានទេ។ សូមបញ្ចូលវាទៅក្នុងទំនាក់ទំនងផ្សេងជំនួសវិញ។</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>ត្រូវបំពេញប្រអប់នេះ។</translation>
    </message>
    <message>
        <source>This input was refused.</source>
        <translation>ការបញ្ចូលនេះត្រូវបានបដិសេធ។</translation>
    </message>
    <message>
        <source>This opportunity is already closed.</source>
        <translation>ឱកាសលក់នេះបានបិទរួចហើយ។</translation>
    </message>
    <message>
        <source>This opportunity is still open.</source>
        <translation>ឱកាសលក់នេះនៅកំពុងតាមដាន។</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>កំណត់ត្រានេះលែងមានទៀតហើយ។</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Revenue</source>
        <translation>ចំណូល</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>Open value</source>
        <translation>តម្លៃកំពុងតាមដាន</translation>
    </message>
    <message>
        <source>Weighted by probability</source>
        <translation>តាមលទ្ធភាពលក់បាន</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>ការសម្រេចគោលដៅ</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>តម្លៃមធ្យមក្នុងមួយការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទទំនិញ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>រូបិយប័ណ្ណ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Customer retention</source>
        <translation>ការរក្សាអតិថិជន</translation>
    </message>
    <message>
        <source>Customer retention rate (CRR)</source>
        <translation>អត្រារក្សាអតិថិជន (CRR)</translation>
    </message>
    <message>
        <source>Customers to call back</source>
        <translation>អតិថិជនដែលត្រូវទូរស័ព្ទទៅ</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>ចំនួនថ្ងៃតាំងពីទិញ</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>តួលេខ</translation>
    </message>
    <message>
        <source>Good customers who have not come back for much longer than usual, as of %1.</source>
        <translation>អតិថិជនល្អដែលមិនបានត្រឡប់មកវិញយូរជាងធម្មតាច្រើន គិតត្រឹម %1។</translation>
    </message>
    <message>
        <source>Growth on the month before</source>
        <translation>កំណើនធៀបខែមុន</translation>
    </message>
    <message>
        <source>Growth on the same month last year</source>
        <translation>កំណើនធៀបខែដដែលឆ្នាំមុន</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>តួលេខសំខាន់ៗ</translation>
    </message>
    <message>
        <source>Khmer riel (៛)</source>
        <translation>ប្រាក់រៀល (៛)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ភាសា</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>ការទិញចុងក្រោយ</translation>
    </message>
    <message>
        <source>Lead conversion</source>
        <translation>អត្រាបំប្លែងអតិថិជនសក្តានុពល</translation>
    </message>
    <message>
        <source>Month before</source>
        <translation>ខែមុន</translation>
    </message>
    <message>
        <source>Monthly sales report</source>
        <translation>របាយការណ៍លក់ប្រចាំខែ</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>អតិថិជនថ្មី</translation>
    </message>
    <message>
        <source>No customer is at risk this month.</source>
        <translation>ខែនេះគ្មានអតិថិជនជិតបាត់បង់ទេ។</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>ល្បឿន</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>ទំព័រ %1 នៃ %2</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>រយៈពេល</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Pipeline by stage</source>
        <translation>ឱកាសលក់តាមដំណាក់កាល</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>បោះពុម្ពនៅ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <source>Repeat purchase rate</source>
        <translation>អត្រាទិញឡើងវិញ</translation>
    </message>
    <message>
        <source>Revenue and target, last 12 months</source>
        <translation>ចំណូល និងគោលដៅ ១២ ខែចុងក្រោយ</translation>
    </message>
    <message>
        <source>Revenue forecast for next month</source>
        <translation>ការព្យាករចំណូលសម្រាប់ខែក្រោយ</translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation>គោលដៅចំណូល</translation>
    </message>
    <message>
        <source>Revenue, last 365 days</source>
        <translation>ចំណូល ៣៦៥ ថ្ងៃចុងក្រោយ</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>ខែដដែលឆ្នាំមុន</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>ហាង</translation>
    </message>
    <message>
        <source>Target attainment</source>
        <translation>ការសម្រេចគោលដៅ</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>The %1 with the highest revenue of %2 customers at risk; the Dashboard shows them all.</source>
        <translation>អតិថិជន %1 នាក់ដែលមានចំណូលខ្ពស់ជាងគេ ក្នុងចំណោមអតិថិជនជិតបាត់បង់ %2 នាក់ ផ្ទាំងសង្ខេបបង្ហាញពួកគេទាំងអស់។</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>ខែនេះ</translation>
    </message>
    <message>
        <source>Top 10 customers</source>
        <translation>អតិថិជនកំពូលទាំង ១០</translation>
    </message>
    <message>
        <source>Top 10 products</source>
        <translation>ទំនិញលក់ដាច់ជាងគេទាំង ១០</translation>
    </message>
    <message>
        <source>US dollar ($)</source>
        <translation>ដុល្លារអាមេរិក ($)</translation>
    </message>
    <message>
        <source>Usual gap (days)</source>
        <translation>គម្លាតធម្មតា (ថ្ងៃ)</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>តម្លៃឱកាសលក់តាមលទ្ធភាព</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>ហាងទាំងមូល</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>អត្រាលក់បាន</translation>
    </message>
    <message>
        <source>month to date, up to %1</source>
        <translation>ពីដើមខែ រហូតដល់ %1</translation>
    </message>
</context>
<context>
    <name>ReportsTab</name>
    <message>
        <source>Reports</source>
        <translation>របាយការណ៍</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>ខែ (&amp;M)៖</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>ភាសា (&amp;L)៖</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>រូបិយប័ណ្ណ (&amp;C)៖</translation>
    </message>
    <message>
        <source>&amp;Paper:</source>
        <translation>ក្រដាស (&amp;P)៖</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>បោះពុម្ព… (&amp;P)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>មើលមុនបោះពុម្ព… (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>រក្សាទុកជា PDF… (&amp;S)</translation>
    </message>
    <message>
        <source>Print the report on a printer (Ctrl+P)</source>
        <translation>បោះពុម្ពរបាយការណ៍លើម៉ាស៊ីនបោះពុម្ព (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save the report as a PDF file to send or keep</source>
        <translation>រក្សាទុករបាយការណ៍ជាឯកសារ PDF ដើម្បីផ្ញើ ឬរក្សាទុក</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>កំពុងរៀបចំរបាយការណ៍…</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1 ទំព័រ</translation>
    </message>
    <message>
        <source>The report could not be prepared: %1</source>
        <translation>មិនអាចរៀបចំរបាយការណ៍បានទេ៖ %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>រក្សាទុករបាយការណ៍ជា PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>មិនបានរក្សាទុក</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>មិនអាចសរសេរ PDF បានទេ៖ %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>បានរក្សាទុក %1</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <source>Sales</source>
        <translation>ការលក់</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>កាលបរិច្ឆេទ (&amp;D)</translation>
    </message>
    <message>
        <source>C&amp;ustomer (name or phone)</source>
        <translation>អតិថិជន (ឈ្មោះ ឬទូរស័ព្ទ) (&amp;U)</translation>
    </message>
    <message>
        <source>Sales&amp;person</source>
        <translation>អ្នកលក់ (&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;hannel</source>
        <translation>មធ្យោបាយលក់ (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Product</source>
        <translation>ទំនិញ (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Quantity</source>
        <translation>ចំនួន (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Amount</source>
        <translation>ទឹកប្រាក់ (&amp;A)</translation>
    </message>
    <message>
        <source>Curre&amp;ncy</source>
        <translation>រូបិយប័ណ្ណ (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rate (riel per $)</source>
        <translation>អត្រាប្តូរប្រាក់ (រៀល/$) (&amp;R)</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>កំណត់ចំណាំ (&amp;O)</translation>
    </message>
    <message>
        <source>Receipt n&amp;o.</source>
        <translation>លេខវិក្កយបត្រ (&amp;O)</translation>
    </message>
    <message>
        <source>Daily &amp;totals (no receipts)</source>
        <translation>សរុបប្រចាំថ្ងៃ (គ្មានវិក្កយបត្រ) (&amp;T)</translation>
    </message>
    <message>
        <source>For shops without receipts: one line per day, channel and currency. Saving again for the same day and channel replaces that day&apos;s total.</source>
        <translation>សម្រាប់ហាងដែលគ្មានវិក្កយបត្រ៖ មួយជួរក្នុងមួយថ្ងៃ មធ្យោបាយលក់ និងរូបិយប័ណ្ណ។ ការរក្សាទុកម្តងទៀតសម្រាប់ថ្ងៃ និងមធ្យោបាយលក់ដដែល នឹងជំនួសសរុបនៃថ្ងៃនោះ។</translation>
    </message>
    <message>
        <source>&amp;Save (Enter)</source>
        <translation>រក្សាទុក (Enter) (&amp;S)</translation>
    </message>
    <message>
        <source>Cancel edit (Esc)</source>
        <translation>បោះបង់ការកែ (Esc)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>មិនចាំបាច់</translation>
    </message>
    <message>
        <source>type to search</source>
        <translation>វាយដើម្បីស្វែងរក</translation>
    </message>
    <message>
        <source>USD ($)</source>
        <translation>ដុល្លារ ($)</translation>
    </message>
    <message>
        <source>KHR (៛)</source>
        <translation>រៀល (៛)</translation>
    </message>
    <message>
        <source>P&amp;eriod:</source>
        <translation>រយៈពេល (&amp;E)៖</translation>
    </message>
    <message>
        <source>Sa&amp;lesperson:</source>
        <translation>អ្នកលក់ (&amp;L)៖</translation>
    </message>
    <message>
        <source>Search customer, phone, product, receipt</source>
        <translation>ស្វែងរកអតិថិជន ទូរស័ព្ទ ទំនិញ វិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>កែ…</translation>
    </message>
    <message>
        <source>Open the selected sale in the form (Enter)</source>
        <translation>បើកការលក់ដែលបានជ្រើសក្នុងទម្រង់ (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Delete the selected sales (Delete key)</source>
        <translation>លុបការលក់ដែលបានជ្រើស (គ្រាប់ចុច Delete)</translation>
    </message>
    <message>
        <source>From (day/month/year)</source>
        <translation>ពី (ថ្ងៃ/ខែ/ឆ្នាំ)</translation>
    </message>
    <message>
        <source>To (day/month/year)</source>
        <translation>ដល់ (ថ្ងៃ/ខែ/ឆ្នាំ)</translation>
    </message>
    <message>
        <source>Edit sale %1</source>
        <translation>កែការលក់ %1</translation>
    </message>
    <message>
        <source>Edit sale</source>
        <translation>កែការលក់</translation>
    </message>
    <message>
        <source>New daily total</source>
        <translation>សរុបប្រចាំថ្ងៃថ្មី</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>ការលក់ថ្មី</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— គ្មាន —</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>អ្នកលក់ទាំងអស់</translation>
    </message>
    <message>
        <source>No salesperson</source>
        <translation>គ្មានអ្នកលក់</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>គ្រប់កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>From – to…</source>
        <translation>ពី – ដល់…</translation>
    </message>
    <message>
        <source>New customer: will be added when you save</source>
        <translation>អតិថិជនថ្មី៖ នឹងត្រូវបន្ថែមពេលអ្នករក្សាទុក</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>មិនបានរក្សាទុក៖ %1</translation>
    </message>
    <message>
        <source>Saved the change (%1). Ctrl+Z undoes it.</source>
        <translation>បានរក្សាទុកការកែប្រែ (%1)។ ចុច Ctrl+Z ដើម្បីមិនធ្វើវិញ។</translation>
    </message>
    <message>
        <source>Saved %1. Ctrl+Z undoes it.</source>
        <translation>បានរក្សាទុក %1។ ចុច Ctrl+Z ដើម្បីមិនធ្វើវិញ។</translation>
    </message>
    <message>
        <source>Replace daily total</source>
        <translation>ជំនួសសរុបប្រចាំថ្ងៃ</translation>
    </message>
    <message>
        <source>Add daily total</source>
        <translation>បន្ថែមសរុបប្រចាំថ្ងៃ</translation>
    </message>
    <message>
        <source>Date in the future</source>
        <translation>កាលបរិច្ឆេទនៅថ្ងៃអនាគត</translation>
    </message>
    <message>
        <source>%1 is in the future. Save this sale with that date?</source>
        <translation>%1 ជាថ្ងៃអនាគត។ រក្សាទុកការលក់នេះជាមួយកាលបរិច្ឆេទនោះឬទេ?</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>មិនបានលុប៖ %1</translation>
    </message>
    <message>
        <source>Deleted. Ctrl+Z brings it back.</source>
        <translation>បានលុប។ ចុច Ctrl+Z ដើម្បីយកវាមកវិញ។</translation>
    </message>
    <message>
        <source>Delete this sale (all its lines)?</source>
        <translation>លុបការលក់នេះ (គ្រប់ជួររបស់វា) ឬទេ?</translation>
    </message>
    <message>
        <source>Delete these %1 sales?</source>
        <translation>លុបការលក់ទាំង %1 នេះឬទេ?</translation>
    </message>
    <message>
        <source>%1 lines found</source>
        <translation>រកឃើញ %1 ជួរ</translation>
    </message>
    <message>
        <source>%1+ lines found</source>
        <translation>រកឃើញ %1+ ជួរ</translation>
    </message>
    <message>
        <source>%1 lines · %2</source>
        <translation>%1 ជួរ · %2</translation>
    </message>
</context>
<context>
    <name>SalesTableModel</name>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>លេខវិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>មធ្យោបាយលក់</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទទំនិញ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>ទឹកប្រាក់</translation>
    </message>
    <message>
        <source>Amount (%1)</source>
        <translation>ទឹកប្រាក់ (%1)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>កំណត់ចំណាំ</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>ភ្ញៀវដើរចូល</translation>
    </message>
    <message>
        <source>Daily total</source>
        <translation>សរុបប្រចាំថ្ងៃ</translation>
    </message>
</context>
<context>
    <name>SalesUndo</name>
    <message>
        <source>Add sale</source>
        <translation>បន្ថែមការលក់</translation>
    </message>
    <message>
        <source>Delete sale</source>
        <translation>លុបការលក់</translation>
    </message>
    <message>
        <source>Delete sales</source>
        <translation>លុបការលក់</translation>
    </message>
    <message>
        <source>Edit sale</source>
        <translation>កែការលក់</translation>
    </message>
</context>
<context>
    <name>SalespersonAttainmentModel</name>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>ចំណូល</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>ការសម្រេចគោលដៅ</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>ល្បឿន</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>The probability must be a whole number from 0 to 100.</source>
        <translation>លទ្ធភាពលក់បានត្រូវតែជាលេខគត់ពី 0 ដល់ 100។</translation>
    </message>
    <message>
        <source>The Won and Lost stages always stay, at the end.</source>
        <translation>ដំណាក់កាល លក់បាន និង បាត់ឱកាស នៅជានិច្ច ហើយនៅខាងចុង។</translation>
    </message>
    <message>
        <source>Keep at least one open stage.</source>
        <translation>សូមទុកយ៉ាងហោចណាស់ដំណាក់កាលកំពុងតាមដានមួយ។</translation>
    </message>
    <message>
        <source>The order must be a number from 1 to %1.</source>
        <translation>លំដាប់ត្រូវតែជាលេខពី 1 ដល់ %1។</translation>
    </message>
    <message>
        <source>Opportunities are in this stage: move them to another stage before removing it.</source>
        <translation>មានឱកាសលក់នៅក្នុងដំណាក់កាលនេះ៖ សូមផ្លាស់វាទៅដំណាក់កាលផ្សេងសិន មុនពេលដកវាចេញ។</translation>
    </message>
    <message>
        <source>This is used by products or sales and cannot be removed. Rename it instead.</source>
        <translation>វាត្រូវបានប្រើដោយទំនិញ ឬការលក់ ហើយមិនអាចដកចេញបានទេ។ សូមប្តូរឈ្មោះវាជំនួសវិញ។</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>បានរក្សាទុក។</translation>
    </message>
    <message>
        <source>Select a stage first.</source>
        <translation>សូមជ្រើសដំណាក់កាលមួយសិន។</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ការកំណត់</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>ហាង</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>ឈ្មោះហាង៖</translation>
    </message>
    <message>
        <source>Shown in the window title and on reports</source>
        <translation>បង្ហាញនៅលើចំណងជើងបង្អួច និងក្នុងរបាយការណ៍</translation>
    </message>
    <message>
        <source>Reporting currency:</source>
        <translation>រូបិយប័ណ្ណរបាយការណ៍៖</translation>
    </message>
    <message>
        <source>US dollar ($)</source>
        <translation>ដុល្លារអាមេរិក ($)</translation>
    </message>
    <message>
        <source>Cambodian riel (៛)</source>
        <translation>ប្រាក់រៀល (៛)</translation>
    </message>
    <message>
        <source>Default exchange rate:</source>
        <translation>អត្រាប្តូរប្រាក់លំនាំដើម៖</translation>
    </message>
    <message>
        <source>riel per dollar</source>
        <translation>រៀលក្នុងមួយដុល្លារ</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>រក្សាទុក</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ភាសា</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>ភាសា៖</translation>
    </message>
    <message>
        <source>Write numbers with Latin digits (0-9) in Khmer</source>
        <translation>សរសេរលេខជាលេខឡាតាំង (0-9) ពេលប្រើភាសាខ្មែរ</translation>
    </message>
    <message>
        <source>Backups and owner PIN</source>
        <translation>ការបម្រុងទុក និងលេខសម្ងាត់ម្ចាស់ហាង</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>ការបម្រុងទុក… (&amp;B)</translation>
    </message>
    <message>
        <source>Owner &amp;PIN…</source>
        <translation>លេខសម្ងាត់ម្ចាស់ហាង… (&amp;P)</translation>
    </message>
    <message>
        <source>Opportunity stages</source>
        <translation>ដំណាក់កាលឱកាសលក់</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>ដំណាក់កាលថ្មី</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>លទ្ធភាពលក់បាន %</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>បន្ថែមដំណាក់កាល</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>ដកដំណាក់កាល</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>ផ្លាស់ឡើងលើ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>ផ្លាស់ចុះក្រោម</translation>
    </message>
    <message>
        <source>The probability is the default chance of winning a deal in that stage; it weights the pipeline. Double-click a cell to change it.</source>
        <translation>លទ្ធភាពលក់បាន គឺជាឱកាសលំនាំដើមដែលលក់បាន នៅដំណាក់កាលនោះ ហើយប្រើដើម្បីគណនាតម្លៃឱកាសលក់តាមលទ្ធភាព។ ចុចពីរដងលើក្រឡាដើម្បីកែវា។</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>បញ្ជី</translation>
    </message>
    <message>
        <source>Salespeople</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Product categories</source>
        <translation>ប្រភេទទំនិញ</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Sales channels</source>
        <translation>មធ្យោបាយលក់</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>មូលហេតុបាត់ឱកាស</translation>
    </message>
</context>
<context>
    <name>SpreadDialog</name>
    <message>
        <source>Spread a yearly target</source>
        <translation>ចែកគោលដៅប្រចាំឆ្នាំ</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>សម្រាប់៖</translation>
    </message>
    <message>
        <source>Total for %1:</source>
        <translation>សរុបសម្រាប់ %1៖</translation>
    </message>
    <message>
        <source>e.g. 120,000</source>
        <translation>ឧ. 120,000</translation>
    </message>
    <message>
        <source>&amp;Equal months</source>
        <translation>ខែស្មើៗគ្នា (&amp;E)</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>ចែក</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Each month needs a percentage (a number).</source>
        <translation>ខែនីមួយៗត្រូវមានភាគរយ (ជាលេខ)។</translation>
    </message>
    <message>
        <source>Percentages must be zero or more, not all zero.</source>
        <translation>ភាគរយត្រូវតែចាប់ពីសូន្យឡើងទៅ ហើយមិនមែនសូន្យទាំងអស់។</translation>
    </message>
    <message>
        <source>The total is not a valid number.</source>
        <translation>សរុបមិនមែនជាលេខត្រឹមត្រូវទេ។</translation>
    </message>
    <message>
        <source>Sum of percentages: %1</source>
        <translation>ផលបូកភាគរយ៖ %1</translation>
    </message>
    <message>
        <source>Type the total for the year.</source>
        <translation>សូមវាយសរុបសម្រាប់ឆ្នាំ។</translation>
    </message>
</context>
<context>
    <name>StagesModel</name>
    <message>
        <source>Stage</source>
        <translation>ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>លទ្ធភាពលក់បាន %</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>លំដាប់</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>កំពុងតាមដាន</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>លក់បាន</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់ឱកាស</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>%1 backups of this shop were found. The newest was %2, in %3.</source>
        <translation>បានរកឃើញការបម្រុងទុក %1 របស់ហាងនេះ។ ថ្មីបំផុតត្រូវបាន%2 នៅក្នុង %3។</translation>
    </message>
    <message>
        <source>%1 is a backup made by an older version of KPI Desk: it can only be seen after it is restored (File ▸ Backups).</source>
        <translation>%1 ជាការបម្រុងទុកដែលធ្វើដោយ KPI Desk កំណែចាស់ជាង៖ អាចមើលវាបានតែក្រោយពេលស្ដារវា (ឯកសារ ▸ ការបម្រុងទុក)។</translation>
    </message>
    <message>
        <source>%1 is a backup. A backup is never changed: to use it, open its shop and restore it from File ▸ Backups.</source>
        <translation>%1 ជាការបម្រុងទុក។ ការបម្រុងទុកមិនដែលត្រូវបានកែប្រែទេ៖ ដើម្បីប្រើវា សូមបើកហាងរបស់វា ហើយស្ដារវាពី ឯកសារ ▸ ការបម្រុងទុក។</translation>
    </message>
    <message>
        <source>%1 is empty (it holds nothing).</source>
        <translation>%1 ទទេ (គ្មានអ្វីនៅក្នុងនោះទេ)។</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>រកមិនឃើញ %1 ទេ។</translation>
    </message>
    <message>
        <source>&amp;Restore the newest backup</source>
        <translation>ស្ដារការបម្រុងទុកថ្មីបំផុត (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>ព្យាយាមម្តងទៀត (&amp;T)</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>បានស្ដារការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Cannot open the shop file</source>
        <translation>មិនអាចបើកឯកសារហាងបានទេ</translation>
    </message>
    <message>
        <source>Cannot save in this shop file</source>
        <translation>មិនអាចរក្សាទុកក្នុងឯកសារហាងនេះបានទេ</translation>
    </message>
    <message>
        <source>Made by a newer KPI Desk</source>
        <translation>បង្កើតដោយ KPI Desk កំណែថ្មីជាង</translation>
    </message>
    <message>
        <source>No backup of it was found. The file was not changed. Open another shop file with --db, or move this one away to start a new shop.</source>
        <translation>រកមិនឃើញការបម្រុងទុករបស់វាទេ។ ឯកសារមិនត្រូវបានកែប្រែទេ។ សូមបើកឯកសារហាងផ្សេងដោយប្រើ --db ឬផ្លាស់ឯកសារនេះចេញ ដើម្បីចាប់ផ្តើមហាងថ្មី។</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>បើកជាបានតែអាន (&amp;R)</translation>
    </message>
    <message>
        <source>Open it read-only?</source>
        <translation>បើកវាជាបានតែអានឬទេ?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>ស្ដារ</translation>
    </message>
    <message>
        <source>Restore a backup?</source>
        <translation>ស្ដារការបម្រុងទុកឬទេ?</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>ការស្ដារបរាជ័យ</translation>
    </message>
    <message>
        <source>Restore the newest backup, or start a new, empty shop in this file?</source>
        <translation>ស្ដារការបម្រុងទុកថ្មីបំផុត ឬចាប់ផ្តើមហាងថ្មីទទេក្នុងឯកសារនេះ?</translation>
    </message>
    <message>
        <source>Restore the newest good backup, %1? The damaged file will be kept beside it, unchanged.</source>
        <translation>ស្ដារការបម្រុងទុកល្អថ្មីបំផុត ដែល%1 ឬទេ? ឯកសារដែលខូចនឹងត្រូវរក្សាទុកនៅក្បែរវា ដោយមិនកែប្រែ។</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>កំពុងស្ដារការបម្រុងទុក…</translation>
    </message>
    <message>
        <source>Shop file not found</source>
        <translation>រកមិនឃើញឯកសារហាង</translation>
    </message>
    <message>
        <source>Start an &amp;empty shop</source>
        <translation>ចាប់ផ្តើមហាងទទេ (&amp;E)</translation>
    </message>
    <message>
        <source>The backup was restored. The shop now has %1 orders; the last sale is of %2.</source>
        <translation>ការបម្រុងទុកត្រូវបានស្ដារ។ ឥឡូវនេះហាងមានការបញ្ជាទិញ %1 ហើយការលក់ចុងក្រោយគឺថ្ងៃ %2។</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>ឯកសារដែលខូចត្រូវបានរក្សាទុកជា %1។</translation>
    </message>
    <message>
        <source>The folder of %1 is not there. If the shop is on a USB stick, plug it in and choose Try again.</source>
        <translation>រកមិនឃើញថតនៃ %1 ទេ។ បើហាងនៅលើ USB សូមដោត USB ហើយជ្រើស «ព្យាយាមម្តងទៀត»។</translation>
    </message>
    <message>
        <source>The shop file must be updated for this version of KPI Desk, and a backup is made first. %1 Nothing was changed.</source>
        <translation>ឯកសារហាងត្រូវធ្វើបច្ចុប្បន្នភាពសម្រាប់កំណែ KPI Desk នេះ ហើយការបម្រុងទុកត្រូវធ្វើមុនសិន។ %1 គ្មានអ្វីត្រូវបានកែប្រែទេ។</translation>
    </message>
    <message>
        <source>This is a backup</source>
        <translation>នេះជាការបម្រុងទុក</translation>
    </message>
    <message>
        <source>What it replaced (%1 orders) was backed up first as %2.</source>
        <translation>អ្វីដែលវាបានជំនួស (ការបញ្ជាទិញ %1) ត្រូវបានបម្រុងទុកមុនសិនជា %2។</translation>
    </message>
    <message>
        <source>made on %1 (%2 orders, last sale %3)</source>
        <translation>ធ្វើនៅ %1 (ការបញ្ជាទិញ %2 ការលក់ចុងក្រោយ %3)</translation>
    </message>
    <message>
        <source>Shop file in use</source>
        <translation>ឯកសារហាងកំពុងប្រើ</translation>
    </message>
    <message>
        <source>Updating the shop file</source>
        <translation>កំពុងធ្វើបច្ចុប្បន្នភាពឯកសារហាង</translation>
    </message>
    <message>
        <source>Updating the shop file for this version of KPI Desk. A backup is made first. This happens only once.</source>
        <translation>កំពុងធ្វើបច្ចុប្បន្នភាពឯកសារហាងសម្រាប់កំណែ KPI Desk នេះ។ ការបម្រុងទុកត្រូវបានធ្វើមុនសិន។ រឿងនេះកើតឡើងតែម្ដងប៉ុណ្ណោះ។</translation>
    </message>
</context>
<context>
    <name>TargetsModel</name>
    <message>
        <source>Shop</source>
        <translation>ហាង</translation>
    </message>
    <message>
        <source>Actual: %1</source>
        <translation>លទ្ធផលជាក់ស្តែង៖ %1</translation>
    </message>
    <message>
        <source>Attainment: %1</source>
        <translation>ការសម្រេចគោលដៅ៖ %1</translation>
    </message>
    <message>
        <source>No shop target: the sum of the salespeople&apos;s targets</source>
        <translation>គ្មានគោលដៅហាង៖ ជាផលបូកគោលដៅរបស់អ្នកលក់</translation>
    </message>
    <message>
        <source>Set target</source>
        <translation>កំណត់គោលដៅ</translation>
    </message>
    <message>
        <source>Target removed.</source>
        <translation>បានដកគោលដៅចេញ។</translation>
    </message>
    <message>
        <source>Target saved.</source>
        <translation>បានរក្សាទុកគោលដៅ។</translation>
    </message>
    <message>
        <source>The target was refused (%1).</source>
        <translation>គោលដៅត្រូវបានបដិសេធ (%1)។</translation>
    </message>
    <message>
        <source>“%1” is not a valid amount: type a number of zero or more, or clear the cell to remove the target.</source>
        <translation>«%1» មិនមែនជាទឹកប្រាក់ត្រឹមត្រូវទេ៖ សូមវាយលេខចាប់ពីសូន្យឡើងទៅ ឬលុបក្រឡាចោល ដើម្បីដកគោលដៅចេញ។</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>Targets</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>ឆ្នាំ (&amp;Y)៖</translation>
    </message>
    <message>
        <source>&amp;Measure:</source>
        <translation>រង្វាស់ (&amp;M)៖</translation>
    </message>
    <message>
        <source>Revenue (%1)</source>
        <translation>ចំណូល (%1)</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>អតិថិជនថ្មី</translation>
    </message>
    <message>
        <source>Won opportunities</source>
        <translation>ឱកាសលក់បាន</translation>
    </message>
    <message>
        <source>&amp;Spread a yearly target…</source>
        <translation>ចែកគោលដៅប្រចាំឆ្នាំ… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy last year&apos;s targets</source>
        <translation>ចម្លងគោលដៅឆ្នាំមុន (&amp;C)</translation>
    </message>
    <message>
        <source>Type a target in a cell and press Enter; clear it (Delete) to remove it. Under each target: the month&apos;s actual and its share of the target. A grey shop figure is the sum of the salespeople&apos;s targets. Ctrl+Z undoes.</source>
        <translation>វាយគោលដៅក្នុងក្រឡា ហើយចុច Enter លុបវា (Delete) ដើម្បីដកចេញ។ ក្រោមគោលដៅនីមួយៗ៖ លទ្ធផលជាក់ស្តែងនៃខែ និងភាគរយនៃគោលដៅ។ តួលេខហាងពណ៌ប្រផេះ គឺជាផលបូកគោលដៅរបស់អ្នកលក់។ ចុច Ctrl+Z ដើម្បីមិនធ្វើវិញ។</translation>
    </message>
    <message>
        <source>Year %1, whole shop: target %2, actual so far %3 (%4)</source>
        <translation>ឆ្នាំ %1 ហាងទាំងមូល៖ គោលដៅ %2 លទ្ធផលជាក់ស្តែងរហូតមកដល់ពេលនេះ %3 (%4)</translation>
    </message>
    <message>
        <source>Remove targets</source>
        <translation>ដកគោលដៅចេញ</translation>
    </message>
    <message>
        <source>Targets removed.</source>
        <translation>បានដកគោលដៅចេញ។</translation>
    </message>
    <message>
        <source>Spread a yearly target</source>
        <translation>ចែកគោលដៅប្រចាំឆ្នាំ</translation>
    </message>
    <message>
        <source>The targets were refused (%1).</source>
        <translation>គោលដៅត្រូវបានបដិសេធ (%1)។</translation>
    </message>
    <message>
        <source>Yearly target spread over the 12 months.</source>
        <translation>គោលដៅប្រចាំឆ្នាំត្រូវបានចែកលើ ១២ ខែ។</translation>
    </message>
    <message>
        <source>%1 has no targets to copy.</source>
        <translation>%1 គ្មានគោលដៅសម្រាប់ចម្លងទេ។</translation>
    </message>
    <message>
        <source>Copy last year&apos;s targets</source>
        <translation>ចម្លងគោលដៅឆ្នាំមុន</translation>
    </message>
    <message>
        <source>Copied %1 targets from %2.</source>
        <translation>បានចម្លងគោលដៅ %1 ពី %2។</translation>
    </message>
</context>
</TS>
