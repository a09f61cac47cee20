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
        <translation>សូចនាករ​ការលក់​សម្រាប់​ហាង​តូចៗ ប្រើ​បាន​ដោយ​គ្មាន​អ៊ីនធឺណិត ជា​ភាសា​ខ្មែរ និង​អង់គ្លេស។</translation>
    </message>
    <message>
        <source>Shop file: %1</source>
        <translation>ឯកសារ​ហាង៖ %1</translation>
    </message>
    <message>
        <source>Licence: %1</source>
        <translation>អាជ្ញាប័ណ្ណ៖ %1</translation>
    </message>
    <message>
        <source>KPI Desk includes these fonts and libraries:</source>
        <translation>KPI Desk រួមបញ្ចូល​ពុម្ព​អក្សរ និង​បណ្ណាល័យ​កម្មវិធី​ទាំងនេះ៖</translation>
    </message>
    <message>
        <source>Qt and PySide6 are used under the LGPL: you may replace their libraries in the installed folder.</source>
        <translation>Qt និង PySide6 ត្រូវបាន​ប្រើ​ក្រោម​អាជ្ញាប័ណ្ណ LGPL៖ អ្នក​អាច​ជំនួស​បណ្ណាល័យ​របស់​វា​នៅក្នុង​ថត​ដែល​បាន​ដំឡើង។</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>អាជ្ញាប័ណ្ណ</translation>
    </message>
    <message>
        <source>Font licence (OFL)</source>
        <translation>អាជ្ញាប័ណ្ណ​ពុម្ព​អក្សរ (OFL)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Public domain</source>
        <translation>កម្មសិទ្ធិ​សាធារណៈ</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>សមាសភាគ</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>កំណែ</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>អាជ្ញាប័ណ្ណ</translation>
    </message>
    <message>
        <source>Shared shop: %1</source>
        <translation>ហាង​ប្រើ​រួមគ្នា៖ %1</translation>
    </message>
</context>
<context>
    <name>AnalysisModel</name>
    <message>
        <source>Monday</source>
        <translation>ថ្ងៃច័ន្ទ</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>ថ្ងៃអង្គារ</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>ថ្ងៃពុធ</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>ថ្ងៃព្រហស្បតិ៍</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>ថ្ងៃសុក្រ</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>ថ្ងៃសៅរ៍</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>ថ្ងៃអាទិត្យ</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>គ្មាន​ទំនិញ</translation>
    </message>
    <message>
        <source>No category</source>
        <translation>គ្មាន​ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>No salesperson</source>
        <translation>គ្មាន​អ្នកលក់</translation>
    </message>
    <message>
        <source>No channel</source>
        <translation>គ្មាន​មធ្យោបាយ​លក់</translation>
    </message>
    <message>
        <source>Payment not recorded</source>
        <translation>មិន​បាន​កត់​វិធី​បង់ប្រាក់</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>ភ្ញៀវ​ដើរ​ចូល</translation>
    </message>
    <message>
        <source>No time</source>
        <translation>គ្មាន​ម៉ោង</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ឈ្មោះ</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>ចំណូល</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>ចំណែក</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Per order</source>
        <translation>ក្នុង​មួយ​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>ប្រាក់​ចំណេញ​ដុល</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>អត្រា​ចំណេញ</translation>
    </message>
    <message>
        <source>Compared period</source>
        <translation>រយៈពេល​ប្រៀបធៀប</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>បម្រែបម្រួល</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>ម៉ោង</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>វិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>ទឹកប្រាក់</translation>
    </message>
    <message>
        <source>%1:00–%2:00</source>
        <translation>ម៉ោង %1 ដល់ %2</translation>
    </message>
    <message>
        <source>This shop</source>
        <translation>ហាង​នេះ</translation>
    </message>
    <message>
        <source>Average basket</source>
        <translation>តម្លៃ​មធ្យម</translation>
    </message>
    <message>
        <source>Items per order</source>
        <translation>ចំនួន​ទំនិញ​ក្នុង​មួយ​ការបញ្ជាទិញ</translation>
    </message>
</context>
<context>
    <name>AnalysisTab</name>
    <message>
        <source>Analysis</source>
        <translation>ការវិភាគ</translation>
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
        <source>Dates from … to</source>
        <translation>ពី​ថ្ងៃ … ដល់​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>មិន​ប្រៀបធៀប</translation>
    </message>
    <message>
        <source>The period before</source>
        <translation>រយៈពេល​មុន</translation>
    </message>
    <message>
        <source>The same period a year before</source>
        <translation>រយៈពេល​ដដែល​កាលពី​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>មធ្យោបាយ​លក់</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>វិធី​បង់ប្រាក់</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>ថ្ងៃ</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>ថ្ងៃ​ក្នុង​សប្តាហ៍</translation>
    </message>
    <message>
        <source>Hour</source>
        <translation>ម៉ោង</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>បោះពុម្ព… (&amp;P)</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>ដល់ (&amp;T)៖</translation>
    </message>
    <message>
        <source>Break down &amp;by:</source>
        <translation>បែងចែក​តាម (&amp;B)៖</translation>
    </message>
    <message>
        <source>Click a row to see its sale lines.</source>
        <translation>ចុច​លើ​ជួរ​មួយ ដើម្បី​មើល​ការលក់​របស់​វា។</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>ប្រៀបធៀប​ជាមួយ (&amp;W)៖</translation>
    </message>
    <message>
        <source>Discounts %1</source>
        <translation>ការបញ្ចុះ​តម្លៃ %1</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>នាំចេញ… (&amp;X)</translation>
    </message>
    <message>
        <source>Fro&amp;m:</source>
        <translation>ពី (&amp;M)៖</translation>
    </message>
    <message>
        <source>Gross profit %1 (margin %2; cost known for %3 of revenue)</source>
        <translation>ប្រាក់​ចំណេញ​ដុល %1 (អត្រា​ចំណេញ %2 · ដឹង​ថ្លៃ​ដើម​សម្រាប់ %3 នៃ​ចំណូល)</translation>
    </message>
    <message>
        <source>Gross profit: enter unit costs in Settings to see it</source>
        <translation>ប្រាក់​ចំណេញ​ដុល៖ បញ្ចូល​ថ្លៃ​ដើម​ទំនិញ​ក្នុង​ការកំណត់ ដើម្បី​មើល​វា</translation>
    </message>
    <message>
        <source>No sales yet: enter a sale and it shows here.</source>
        <translation>មិន​ទាន់​មាន​ការលក់​នៅឡើយ៖ បញ្ចូល​ការលក់ ហើយ​វា​នឹង​បង្ហាញ​នៅ​ទីនេះ។</translation>
    </message>
    <message>
        <source>Orders %1</source>
        <translation>ការបញ្ជាទិញ %1&#xa0;ដង</translation>
    </message>
    <message>
        <source>Pe&amp;riod:</source>
        <translation>រយៈពេល (&amp;R)៖</translation>
    </message>
    <message>
        <source>Quarter %1 of %2</source>
        <translation>ត្រីមាស​ទី&#xa0;%1&#xa0;ឆ្នាំ %2</translation>
    </message>
    <message>
        <source>Refunds %1</source>
        <translation>ការសង​ប្រាក់​វិញ %1</translation>
    </message>
    <message>
        <source>Revenue %1</source>
        <translation>ចំណូល %1</translation>
    </message>
    <message>
        <source>Sale lines of %1 (the latest %2)</source>
        <translation>ការលក់​នៃ %1 (ចុងក្រោយ​បំផុត %2&#xa0;ជួរ)</translation>
    </message>
    <message>
        <source>This period has not started: no figures yet.</source>
        <translation>រយៈពេល​នេះ​មិន​ទាន់​ចាប់ផ្ដើម​ទេ៖ មិន​ទាន់​មាន​តួលេខ។</translation>
    </message>
    <message>
        <source>compared period %1</source>
        <translation>រយៈពេល​ប្រៀបធៀប %1</translation>
    </message>
    <message>
        <source>up to %1</source>
        <translation>ដល់ %1</translation>
    </message>
    <message>
        <source>Day of the month</source>
        <translation>ថ្ងៃទី​ក្នុង​ខែ</translation>
    </message>
    <message>
        <source>Day of the week</source>
        <translation>ថ្ងៃ​ក្នុង​សប្តាហ៍</translation>
    </message>
    <message>
        <source>Hour of the day</source>
        <translation>ម៉ោង​ក្នុង​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Revenue in US dollars</source>
        <translation>ចំណូល​គិត​ជា​ដុល្លារ​អាមេរិក</translation>
    </message>
    <message>
        <source>Revenue in riel</source>
        <translation>ចំណូល​គិត​ជារៀល</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>សាខា</translation>
    </message>
    <message>
        <source>Orders and basket, by day</source>
        <translation>ការបញ្ជាទិញ និង​តម្លៃ​មធ្យម តាម​ថ្ងៃ</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Creating the demo shop…</source>
        <translation>កំពុង​បង្កើត​ហាង​សាកល្បង…</translation>
    </message>
    <message>
        <source>Welcome to KPI Desk</source>
        <translation>សូមស្វាគមន៍​មកកាន់ KPI Desk</translation>
    </message>
    <message>
        <source>Your shop has no sales yet.

Open a demo shop with two years of example sales to see what KPI Desk shows? Your own shop stays empty; open it again from the File menu whenever you are ready.</source>
        <translation>ហាង​របស់​អ្នក​មិន​ទាន់​មាន​ការលក់​នៅឡើយ​ទេ។

បើក​ហាង​សាកល្បង​ដែល​មាន​ការលក់​គំរូ​រយៈពេល​ពីរ​ឆ្នាំ ដើម្បី​មើល​ថា KPI Desk បង្ហាញ​អ្វី​ខ្លះ​ឬ​ទេ? ហាង​របស់​អ្នក​នៅតែ​ទទេ។ ពេល​អ្នក​រួចរាល់ សូម​បើក​វា​វិញ​ពី​ម៉ឺនុយ «ឯកសារ»។</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុក​បរាជ័យ</translation>
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
        <translation>ថ្ងៃ​ទិញ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Usual gap (days)</source>
        <translation>គម្លាត​ធម្មតា (ថ្ងៃ)</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>ចំនួន​ថ្ងៃ​តាំងពី​ទិញ</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the contact</source>
        <translation>ចុច​ពីរ​ដង ឬ​ចុច Enter ដើម្បី​បើក​ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Revenue %1 d</source>
        <translation>ចំណូល %1&#xa0;ថ្ងៃ</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>ការហៅ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the contact; Log a call… to note what they said</source>
        <translation>ចុច​ពីរ​ដង ឬ​ចុច Enter ដើម្បី​បើក​ទំនាក់ទំនង · «កត់​ការ​ហៅ…» ដើម្បី​កត់ត្រា​អ្វី​ដែល​គាត់​បាន​និយាយ</translation>
    </message>
</context>
<context>
    <name>BackupStatus</name>
    <message>
        <source>%1 days ago</source>
        <translation>%1&#xa0;ថ្ងៃ​មុន</translation>
    </message>
    <message>
        <source>A backup is made on the first start of each day with sales, before each import and on exit after changes.</source>
        <translation>ការបម្រុងទុក​ត្រូវបាន​ធ្វើ​នៅពេល​បើក​លើក​ដំបូង​នៃ​ថ្ងៃ​នីមួយៗ​ដែល​មាន​ការលក់ មុនពេល​នាំចូល​ម្ដងៗ និង​ពេល​ចាកចេញ​ក្រោយពេល​មាន​ការកែប្រែ។</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុក​បរាជ័យ</translation>
    </message>
    <message>
        <source>Last backup failed: click for details</source>
        <translation>ការបម្រុងទុក​ចុងក្រោយ​បរាជ័យ៖ ចុច​ដើម្បី​មើល​ព័ត៌មាន​លម្អិត</translation>
    </message>
    <message>
        <source>Last backup: %1</source>
        <translation>ការបម្រុងទុក​ចុងក្រោយ៖ %1</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>មិន​ទាន់​មាន​ការបម្រុងទុក​នៅឡើយ</translation>
    </message>
    <message>
        <source>Read-only: nothing can be saved</source>
        <translation>បាន​តែ​អាន៖ មិន​អាច​រក្សាទុក​អ្វី​បាន​ទេ</translation>
    </message>
    <message>
        <source>Today&apos;s backup: another laptop is taking it</source>
        <translation>ការបម្រុង​ទុក​ថ្ងៃ​នេះ៖ កុំព្យូទ័រ​យួរ​ដៃ​មួយ​ទៀត​កំពុង​ធ្វើ</translation>
    </message>
    <message>
        <source>Today&apos;s backup: taken by “%1”</source>
        <translation>ការបម្រុង​ទុក​ថ្ងៃ​នេះ៖ ធ្វើ​ដោយ “%1”</translation>
    </message>
    <message>
        <source>Your records are safe in the shop file. KPI Desk will tell you again at every start until a backup succeeds.</source>
        <translation>កំណត់​ត្រា​របស់​អ្នក​នៅ​មាន​សុវត្ថិភាព​ក្នុង​ឯកសារ​ហាង។ KPI Desk នឹង​ប្រាប់​អ្នក​ម្ដង​ទៀត​រាល់​ពេល​បើក រហូតដល់​ការបម្រុងទុក​មួយ​បាន​សម្រេច។</translation>
    </message>
    <message>
        <source>today, %1</source>
        <translation>ថ្ងៃ​នេះ ម៉ោង %1</translation>
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
        <source>&amp;Back up now</source>
        <translation>បម្រុងទុក​ឥឡូវនេះ (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>ស្ដារ… (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>បើក​ថត (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Choose folder…</source>
        <translation>ជ្រើស​ថត… (&amp;C)</translation>
    </message>
    <message>
        <source>Keep daily backups for (days):</source>
        <translation>រក្សា​ការបម្រុងទុក​ប្រចាំ​ថ្ងៃ​រយៈពេល (ថ្ងៃ)៖</translation>
    </message>
    <message>
        <source>Keep monthly backups for (months):</source>
        <translation>រក្សា​ការបម្រុងទុក​ប្រចាំ​ខែ​រយៈពេល (ខែ)៖</translation>
    </message>
    <message>
        <source>Backup folder: %1</source>
        <translation>ថត​បម្រុងទុក៖ %1</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>ប្រចាំ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>ដោយ​ដៃ</translation>
    </message>
    <message>
        <source>on exit</source>
        <translation>ពេល​ចាកចេញ</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>មុនពេល​នាំចូល</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>មុនពេល​ស្ដារ</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុក​បរាជ័យ</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>ស្ដារ</translation>
    </message>
    <message>
        <source>Choose a backup first.</source>
        <translation>សូម​ជ្រើស​ការបម្រុងទុក​មួយ​សិន។</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>ការស្ដារ​បរាជ័យ</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>ថត​បម្រុងទុក</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>មូលហេតុ</translation>
    </message>
    <message>
        <source>Last sale</source>
        <translation>ការលក់​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>ថ្ងៃ​បម្រុងទុក</translation>
    </message>
    <message>
        <source>before an update</source>
        <translation>មុនពេល​ធ្វើ​បច្ចុប្បន្នភាព</translation>
    </message>
    <message>
        <source>%1 (older backup)</source>
        <translation>%1 (ការបម្រុងទុក​ចាស់)</translation>
    </message>
    <message>
        <source>%1 backups, %2 in all</source>
        <translation>ការបម្រុងទុក %1 សរុប %2</translation>
    </message>
    <message>
        <source>The folder also holds %1 backups of other shops: they are not shown, and never touched.</source>
        <translation>ថត​នេះ​ក៏​មាន​ការបម្រុងទុក %1 របស់​ហាង​ផ្សេង​ដែរ៖ វា​មិន​ត្រូវបាន​បង្ហាញ ហើយ​មិន​ដែល​ត្រូវបាន​ប៉ះពាល់​ទេ។</translation>
    </message>
    <message>
        <source>Making a backup…</source>
        <translation>កំពុង​បម្រុងទុក…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Replace the shop&apos;s records by the backup made on %1 (%2)? It holds %3 orders; its last sale is of %4.</source>
        <translation>ជំនួស​កំណត់​ត្រា​របស់​ហាង​ដោយ​ការបម្រុងទុក​ដែល​បាន​ធ្វើ​នៅ %1 (%2) ឬ​ទេ? វា​មាន​ការបញ្ជាទិញ %3 ហើយ​ការលក់​ចុងក្រោយ​របស់​វា​គឺ​ថ្ងៃ %4។</translation>
    </message>
    <message>
        <source>Now the shop has %1 orders; its last sale is of %2. These records are backed up first, so this can be undone by restoring that backup.</source>
        <translation>ឥឡូវនេះ​ហាង​មាន​ការបញ្ជាទិញ %1 ហើយ​ការលក់​ចុងក្រោយ​គឺ​ថ្ងៃ %2។ កំណត់ត្រា​ទាំង​នេះ​ត្រូវបាន​បម្រុងទុក​មុន​សិន ដូច្នេះ​អាច​ត្រឡប់​វិញ​បាន​ដោយ​ស្ដារ​ការបម្រុងទុក​នោះ។</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>កំពុង​ស្ដារ​ការបម្រុងទុក…</translation>
    </message>
    <message>
        <source>Restore it into this shop anyway?</source>
        <translation>នៅតែ​ស្ដារ​វា​ចូលក្នុង​ហាង​នេះ​ឬ?</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>បាន​ស្ដារ​ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Backups made by hand, before an import, before a restore or before an update are not counted here: each is kept at least %1 days.</source>
        <translation>ការបម្រុងទុក​ដោយ​ដៃ មុនពេល​នាំចូល មុនពេល​ស្ដារ ឬ​មុនពេល​ធ្វើ​បច្ចុប្បន្នភាព មិន​រាប់បញ្ចូល​នៅ​ទីនេះ​ទេ៖ នីមួយៗ​ត្រូវបាន​រក្សាទុក​យ៉ាងហោចណាស់ %1&#xa0;ថ្ងៃ។</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>លុប… (&amp;D)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Delete the backup made on %1 (%2)? It holds %3 orders and takes %4. A deleted backup cannot be restored.</source>
        <translation>លុប​ការបម្រុងទុក​ដែល​បាន​ធ្វើ​នៅ %1 (%2) ឬ​ទេ? វា​មាន​ការបញ្ជាទិញ %3 និង​ប្រើ​ទំហំ %4។ ការបម្រុងទុក​ដែល​បាន​លុប​ហើយ មិន​អាច​ស្ដារ​វិញ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>It is the shop&apos;s only backup.</source>
        <translation>នេះ​ជា​ការបម្រុងទុក​តែ​មួយ​គត់​របស់​ហាង។</translation>
    </message>
    <message>
        <source>before a branch file was brought in</source>
        <translation>មុនពេល​នាំចូល​ឯកសារ​សាខា</translation>
    </message>
</context>
<context>
    <name>Branches</name>
    <message>
        <source>%1 customers deleted in the branch were kept: other branches&apos; sales name them.</source>
        <translation>អតិថិជន %1&#xa0;នាក់​ដែល​បាន​លុប​នៅ​សាខា នៅតែ​រក្សាទុក ព្រោះ​ការលក់​របស់​សាខា​ផ្សេង​ទៀត​មាន​ឈ្មោះ​ពួកគេ។</translation>
    </message>
    <message>
        <source>%1 has no branch name. On the branch&apos;s laptop, give it one in Settings ▸ Shop, then send the file again.</source>
        <translation>%1 មិន​ទាន់​មាន​ឈ្មោះ​សាខា​ទេ។ នៅលើ​កុំព្យូទ័រ​របស់​សាខា សូម​ដាក់​ឈ្មោះ​នៅក្នុង ការកំណត់ ▸ ហាង រួច​ផ្ញើ​ឯកសារ​ម្ដង​ទៀត។</translation>
    </message>
    <message>
        <source>%1 has the same branch name as this shop (%2). Give each laptop&apos;s file its own branch name.</source>
        <translation>%1 មាន​ឈ្មោះ​សាខា​ដូច​ហាង​នេះ (%2)។ សូម​ដាក់​ឈ្មោះ​សាខា​ផ្សេង​គ្នា​ឱ្យ​ឯកសារ​របស់​កុំព្យូទ័រ​នីមួយៗ។</translation>
    </message>
    <message>
        <source>%1 is a copy of this shop, not a branch&apos;s file: there is nothing to bring in.</source>
        <translation>%1 គឺជា​ច្បាប់​ចម្លង​នៃ​ហាង​នេះ មិន​មែន​ជា​ឯកសារ​របស់​សាខា​ទេ៖ គ្មាន​អ្វី​ត្រូវ​នាំចូល​ទេ។</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>សាខា (&amp;B)៖</translation>
    </message>
    <message>
        <source>A branch called %1 was brought into this shop: choose another name for this one.</source>
        <translation>សាខា​ឈ្មោះ %1 ត្រូវបាន​នាំចូល​ក្នុង​ហាង​នេះ​រួចហើយ៖ សូម​ជ្រើស​ឈ្មោះ​ផ្សេង​សម្រាប់​ហាង​នេះ។</translation>
    </message>
    <message>
        <source>A branch name cannot hold tabs or other control characters.</source>
        <translation>ឈ្មោះ​សាខា​មិន​អាច​មាន​តួ​អក្សរ​បញ្ជា ដូចជា Tab បាន​ទេ។</translation>
    </message>
    <message>
        <source>A branch name has at most %1 characters.</source>
        <translation>ឈ្មោះ​សាខា​មាន​តួ​អក្សរ​ច្រើន​បំផុត %1។</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>សាខា​ទាំងអស់</translation>
    </message>
    <message>
        <source>Branch %1 brought in:</source>
        <translation>បាន​នាំចូល​សាខា %1៖</translation>
    </message>
    <message>
        <source>Branch %1 was brought in from another shop file (%2). Nothing was changed: give this branch its own name.</source>
        <translation>សាខា %1 ត្រូវបាន​នាំចូល​ពី​ឯកសារ​ហាង​មួយ​ផ្សេង​ទៀត (%2)។ គ្មាន​អ្វី​ត្រូវបាន​ផ្លាស់ប្ដូរ​ទេ៖ សូម​ដាក់​ឈ្មោះ​ផ្ទាល់ខ្លួន​ឱ្យ​សាខា​នេះ។</translation>
    </message>
    <message>
        <source>Branch %1: nothing new. This shop already had everything in the file.</source>
        <translation>សាខា %1៖ គ្មាន​អ្វី​ថ្មី​ទេ។ ហាង​នេះ​មាន​អ្វីៗ​ទាំងអស់​ក្នុង​ឯកសារ​នេះ​រួចហើយ។</translation>
    </message>
    <message>
        <source>Bring in a branch file</source>
        <translation>នាំចូល​ឯកសារ​សាខា</translation>
    </message>
    <message>
        <source>Bringing in the branch file…</source>
        <translation>កំពុង​នាំចូល​ឯកសារ​សាខា…</translation>
    </message>
    <message>
        <source>Calls: %1 added, %2 changed, %3 deleted</source>
        <translation>ការហៅ៖ បន្ថែម %1 · កែប្រែ %2 · លុប %3</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Customers and leads: %1 added, %2 changed, %3 deleted</source>
        <translation>អតិថិជន និង​អតិថិជន​សក្តានុពល៖ បន្ថែម %1 · កែប្រែ %2 · លុប %3</translation>
    </message>
    <message>
        <source>KPI Desk shop files (*.db);;All files (*)</source>
        <translation>ឯកសារ​ហាង KPI Desk (*.db);;ឯកសារ​ទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Opportunities: %1 added, %2 changed, %3 deleted</source>
        <translation>ឱកាស​លក់៖ បន្ថែម %1 · កែប្រែ %2 · លុប %3</translation>
    </message>
    <message>
        <source>Sales: %1 added, %2 changed, %3 deleted</source>
        <translation>ការលក់៖ បន្ថែម %1 · កែប្រែ %2 · លុប %3</translation>
    </message>
    <message>
        <source>Targets: %1 added, %2 changed, %3 deleted</source>
        <translation>គោលដៅ៖ បន្ថែម %1 · កែប្រែ %2 · លុប %3</translation>
    </message>
    <message>
        <source>The branch file could not be brought in. Nothing was changed.</source>
        <translation>មិន​អាច​នាំចូល​ឯកសារ​សាខា​បាន​ទេ។ គ្មាន​អ្វី​ត្រូវបាន​ផ្លាស់ប្ដូរ​ទេ។</translation>
    </message>
    <message>
        <source>The shop was backed up first: File ▸ Backups puts it back as it was.</source>
        <translation>ហាង​ត្រូវបាន​បម្រុងទុក​ជាមុន​សិន៖ ឯកសារ ▸ ការបម្រុងទុក អាច​ស្ដារ​វា​ឱ្យ​ដូច​ដើម​វិញ។</translation>
    </message>
    <message>
        <source>This branch name cannot be used.</source>
        <translation>មិន​អាច​ប្រើ​ឈ្មោះ​សាខា​នេះ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>Type the branch&apos;s name.</source>
        <translation>សូម​វាយ​ឈ្មោះ​សាខា។</translation>
    </message>
    <message>
        <source>No backup was made first: this laptop has no pg_dump (PostgreSQL&apos;s client tools).</source>
        <translation>មិន​បាន​បម្រុងទុក​ជាមុន​ទេ៖ កុំព្យូទ័រ​យួរ​ដៃ​នេះ​គ្មាន pg_dump (ឧបករណ៍​បញ្ជា​របស់ PostgreSQL) ទេ។</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>ថ្ងៃ (&amp;D)៖</translation>
    </message>
    <message>
        <source>&amp;Mark as:</source>
        <translation>កំណត់​ជា (&amp;M)៖</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>កំណត់​ចំណាំ (&amp;N)៖</translation>
    </message>
    <message>
        <source>&amp;Pace the month&apos;s target:</source>
        <translation>គណនា​ល្បឿន​គោលដៅ​ប្រចាំ​ខែ (&amp;P)៖</translation>
    </message>
    <message>
        <source>&amp;Spread a yearly target:</source>
        <translation>ចែក​គោលដៅ​ប្រចាំ​ឆ្នាំ (&amp;S)៖</translation>
    </message>
    <message>
        <source>Holidays change how much a shop sells: a month&apos;s target is paced by last year&apos;s days, each holiday by the same holiday last year. Mark the days the shop is closed: they need no sales.</source>
        <translation>ថ្ងៃ​បុណ្យ​ធ្វើឱ្យ​ការលក់​ប្រែប្រួល៖ ល្បឿន​គោលដៅ​ប្រចាំ​ខែ​គិត​តាម​ថ្ងៃ​នៃ​ឆ្នាំ​មុន ហើយ​ថ្ងៃ​បុណ្យ​នីមួយៗ​គិត​តាម​ថ្ងៃ​បុណ្យ​ដដែល​កាលពី​ឆ្នាំ​មុន។ សូម​កំណត់​ថ្ងៃ​ដែល​ហាង​បិទ៖ ថ្ងៃ​ទាំងនោះ​មិន​ត្រូវការ​ការលក់​ទេ។</translation>
    </message>
    <message>
        <source>Sa&amp;ve the day</source>
        <translation>រក្សាទុក​ថ្ងៃ​នេះ (&amp;V)</translation>
    </message>
    <message>
        <source>Shop calen&amp;dar…</source>
        <translation>ប្រតិទិន​ហាង (&amp;D)…</translation>
    </message>
    <message>
        <source>Shop calendar</source>
        <translation>ប្រតិទិន​ហាង</translation>
    </message>
    <message>
        <source>by last year&apos;s days and holidays</source>
        <translation>តាម​ថ្ងៃ និង​ថ្ងៃ​បុណ្យ​នៃ​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>by last year&apos;s months</source>
        <translation>តាម​ខែ​នីមួយៗ​នៃ​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>ហាង​បិទ</translation>
    </message>
    <message>
        <source>evenly over the months</source>
        <translation>ស្មើៗ​គ្នា​គ្រប់​ខែ</translation>
    </message>
    <message>
        <source>evenly over the open days</source>
        <translation>ស្មើៗ​គ្នា​គ្រប់​ថ្ងៃ​បើក​លក់</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>មិន​កំណត់</translation>
    </message>
    <message>
        <source>special day</source>
        <translation>ថ្ងៃ​ពិសេស</translation>
    </message>
    <message>
        <source>Change how a yearly target is spread</source>
        <translation>ប្ដូរ​របៀប​ចែក​គោលដៅ​ប្រចាំ​ឆ្នាំ</translation>
    </message>
    <message>
        <source>Change how the month&apos;s target is paced</source>
        <translation>ប្ដូរ​របៀប​គណនា​ល្បឿន​គោលដៅ​ប្រចាំ​ខែ</translation>
    </message>
    <message>
        <source>Mark %1 in the shop calendar</source>
        <translation>កត់​ថ្ងៃ %1 ក្នុង​ប្រតិទិន​ហាង</translation>
    </message>
</context>
<context>
    <name>CallBackBar</name>
    <message>
        <source>(provisional)</source>
        <translation>(បណ្ដោះអាសន្ន)</translation>
    </message>
    <message>
        <source>Log a &amp;call…</source>
        <translation>កត់​ការ​ហៅ (&amp;C)…</translation>
    </message>
    <message>
        <source>Note the call to the customer selected above: what they said, when to call again</source>
        <translation>កត់ត្រា​ការហៅ​ទៅ​អតិថិជន​ដែល​បាន​ជ្រើស​ខាងលើ៖ អ្វី​ដែល​គាត់​បាន​និយាយ និង​ពេល​ត្រូវ​ហៅ​ម្ដង​ទៀត</translation>
    </message>
    <message>
        <source>To call &amp;today…</source>
        <translation>ត្រូវ​ហៅ​ថ្ងៃ​នេះ (&amp;T)…</translation>
    </message>
    <message>
        <source>Won back in %1: %2 of %3 customers called came back within %4 days.</source>
        <translation>ទាញ​មកវិញ​ក្នុង %1៖ អតិថិជន %2&#xa0;នាក់ ក្នុង​ចំណោម %3&#xa0;នាក់​ដែល​បាន​ហៅ បាន​ត្រឡប់មក​ទិញ​វិញ​ក្នុង​រយៈពេល %4&#xa0;ថ្ងៃ។</translation>
    </message>
    <message>
        <source>Won back in %1: no customer at risk called yet.</source>
        <translation>ទាញ​មកវិញ​ក្នុង %1៖ មិន​ទាន់​បាន​ហៅ​អតិថិជន​ជិត​បាត់បង់​ណាមួយ​នៅ​ឡើយ។</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>&amp;Date:</source>
        <translation>កាលបរិច្ឆេទ (&amp;D)៖</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>កំណត់​សម្គាល់ (&amp;N)៖</translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation>លទ្ធផល (&amp;O)៖</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(មិន​បាន​បញ្ជាក់)</translation>
    </message>
    <message>
        <source>Call %1</source>
        <translation>ហៅ​ទៅ %1</translation>
    </message>
    <message>
        <source>Call &amp;again on:</source>
        <translation>ហៅ​ម្ដង​ទៀត​នៅ​ថ្ងៃ (&amp;A)៖</translation>
    </message>
    <message>
        <source>Called &amp;by:</source>
        <translation>អ្នក​ហៅ (&amp;B)៖</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Copy &amp;English</source>
        <translation>ចម្លង​ជា​ភាសា​អង់គ្លេស (&amp;E)</translation>
    </message>
    <message>
        <source>Copy &amp;Khmer</source>
        <translation>ចម្លង​ជា​ភាសា​ខ្មែរ (&amp;K)</translation>
    </message>
    <message>
        <source>Last call: %1</source>
        <translation>ការហៅ​ចុងក្រោយ៖ %1</translation>
    </message>
    <message>
        <source>Leave empty when no new call is needed</source>
        <translation>ទុក​ទទេ បើ​មិន​ចាំបាច់​ហៅ​ម្ដង​ទៀត</translation>
    </message>
    <message>
        <source>Ready messages to send (Telegram, SMS)</source>
        <translation>សារ​រួចរាល់​សម្រាប់​ផ្ញើ (Telegram, SMS)</translation>
    </message>
    <message>
        <source>The follow-up date does not exist.</source>
        <translation>ថ្ងៃ​ហៅ​ម្ដង​ទៀត​នេះ​មិន​មាន​ទេ។</translation>
    </message>
    <message>
        <source>The follow-up date is before the call.</source>
        <translation>ថ្ងៃ​ហៅ​ម្ដង​ទៀត​នៅ​មុន​ថ្ងៃ​ហៅ។</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>ទំនាក់ទំនង​នេះ​លែង​មាន​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>Usually buys: %1</source>
        <translation>ទិញ​ជា​ប្រចាំ៖ %1</translation>
    </message>
    <message>
        <source>no phone number</source>
        <translation>គ្មាន​លេខ​ទូរស័ព្ទ</translation>
    </message>
</context>
<context>
    <name>CallMessage</name>
    <message>
        <source>Hello %1, this is %2. We have not seen you for a while and miss you! We have new %3 and more in the shop. Come and see us soon, we will be glad to help.</source>
        <translation>សួស្តីបង %1! នេះ​គឺ %2។ យូរ​ហើយ​មិន​បាន​ជួប​បង យើង​នឹក​បង​ណាស់! ឥឡូវ​ហាង​យើង​មាន %3 ថ្មីៗ និង​ទំនិញ​ជាច្រើន​ទៀត។ សូមអញ្ជើញ​មក​លេង​ហាង​យើង​ឆាប់ៗ យើង​រីករាយ​នឹង​ជួយ​បង។</translation>
    </message>
    <message>
        <source>Hello %1, this is %2. We have not seen you for a while and miss you! Come and see us soon, we will be glad to help.</source>
        <translation>សួស្តីបង %1! នេះ​គឺ %2។ យូរ​ហើយ​មិន​បាន​ជួប​បង យើង​នឹក​បង​ណាស់! សូមអញ្ជើញ​មក​លេង​ហាង​យើង​ឆាប់ៗ យើង​រីករាយ​នឹង​ជួយ​បង។</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 និង %2</translation>
    </message>
    <message>
        <source>your shop</source>
        <translation>ហាង​ប្រចាំ​របស់​បង</translation>
    </message>
</context>
<context>
    <name>CallTodayDialog</name>
    <message>
        <source>%1 to call on %2: first the follow-ups promised, then good customers who stopped coming and were not called yet.</source>
        <translation>ត្រូវ​ហៅ %1&#xa0;នាក់ នៅ​ថ្ងៃ %2៖ មុន​ដំបូង អ្នក​ដែល​ត្រូវ​ហៅ​ម្ដង​ទៀត បន្ទាប់មក អតិថិជន​ល្អៗ​ដែល​ឈប់​មក ហើយ​មិន​ទាន់​បាន​ហៅ។</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>កត់​ការ​ហៅ (&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Salesperson:</source>
        <translation>អ្នកលក់ (&amp;S)៖</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>ទាំងអស់​គ្នា</translation>
    </message>
    <message>
        <source>Open &amp;contact</source>
        <translation>បើក​ទំនាក់ទំនង (&amp;C)</translation>
    </message>
    <message>
        <source>To call today</source>
        <translation>ត្រូវ​ហៅ​ថ្ងៃ​នេះ</translation>
    </message>
</context>
<context>
    <name>Calls</name>
    <message>
        <source>Reached</source>
        <translation>បាន​និយាយ</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>មិន​លើក</translation>
    </message>
    <message>
        <source>Promised to come</source>
        <translation>សន្យា​ថា​នឹង​មក</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>មិន​ចាប់អារម្មណ៍</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>លេខ​ខុស</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>CallsModel</name>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>លទ្ធផល</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>កំណត់​សម្គាល់</translation>
    </message>
    <message>
        <source>Call again on</source>
        <translation>ហៅ​ម្ដង​ទៀត​នៅ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Called by</source>
        <translation>អ្នក​ហៅ</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>Attainment:</source>
        <translation>ការសម្រេច​គោលដៅ៖</translation>
    </message>
    <message>
        <source>Forecast:</source>
        <translation>ការព្យាករណ៍៖</translation>
    </message>
    <message>
        <source>Growth (MoM):</source>
        <translation>កំណើន​ធៀប​ខែ​មុន៖</translation>
    </message>
    <message>
        <source>Opportunities:</source>
        <translation>ឱកាស​លក់៖</translation>
    </message>
    <message>
        <source>Revenue:</source>
        <translation>ចំណូល៖</translation>
    </message>
    <message>
        <source>Run-rate projection:</source>
        <translation>ការប៉ាន់ស្មាន​តាម​ល្បឿន​បច្ចុប្បន្ន៖</translation>
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
        <translation>តាម​លទ្ធភាព៖</translation>
    </message>
    <message>
        <source>like-for-like</source>
        <translation>ធៀប​ចំនួន​ថ្ងៃ​ស្មើគ្នា</translation>
    </message>
    <message>
        <source>month to date</source>
        <translation>ពី​ដើម​ខែ​ដល់​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>%1 interval:</source>
        <translation>ចន្លោះ​ជឿជាក់ %1៖</translation>
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
        <translation>ចំនួន​ខែ​ក្រោយ​ការទិញ​លើក​ដំបូង</translation>
    </message>
    <message>
        <source>%1: %2 of %3 customers active %4 months later</source>
        <translation>%1៖ អតិថិជន %2&#xa0;នាក់ ក្នុង​ចំណោម %3&#xa0;នាក់ បាន​មក​ទិញ %4&#xa0;ខែ​ក្រោយ</translation>
    </message>
    <message>
        <source>First purchase month</source>
        <translation>ខែ​ទិញ​ដំបូង</translation>
    </message>
</context>
<context>
    <name>CommissionDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>A rate is a percentage from %1 to %2, e.g. %3.</source>
        <translation>អត្រា​ជា​ភាគរយ​ពី %1 ដល់ %2 ឧទាហរណ៍ %3។</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Category %1:</source>
        <translation>ប្រភេទ​ទំនិញ %1៖</translation>
    </message>
    <message>
        <source>Commission is a percentage of revenue: a salesperson&apos;s rate applies to all they sell, a category&apos;s rate to anyone&apos;s sales of it when the salesperson has no rate. Leave a box empty for none.</source>
        <translation>កម្រៃ​ជើង​សា​គឺជា​ភាគរយ​នៃ​ចំណូល៖ អត្រា​របស់​អ្នកលក់​អនុវត្ត​លើ​អ្វី​ទាំងអស់​ដែល​គេ​លក់ ហើយ​អត្រា​របស់​ប្រភេទ​ទំនិញ​អនុវត្ត​លើ​ការលក់​ប្រភេទ​នោះ​ដោយ​អ្នកណា​ក៏ដោយ នៅពេល​អ្នកលក់​គ្មាន​អត្រា​ផ្ទាល់ខ្លួន។ ទុក​ប្រអប់​ទទេ បើ​គ្មាន។</translation>
    </message>
    <message>
        <source>Commission rates (%)</source>
        <translation>អត្រា​កម្រៃ​ជើង​សា (%)</translation>
    </message>
    <message>
        <source>Salesperson %1:</source>
        <translation>អ្នកលក់ %1៖</translation>
    </message>
    <message>
        <source>Change commission rates</source>
        <translation>ប្ដូរ​អត្រា​កម្រៃ​ជើង​សា</translation>
    </message>
    <message>
        <source>Commissio&amp;n rates…</source>
        <translation>អត្រា​កម្រៃ​ជើង​សា (&amp;N)…</translation>
    </message>
    <message>
        <source>Commission rates</source>
        <translation>អត្រា​កម្រៃ​ជើង​សា</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>&amp;Connect</source>
        <translation>ភ្ជាប់ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>មូលដ្ឋាន​ទិន្នន័យ (&amp;D)៖</translation>
    </message>
    <message>
        <source>&amp;Make the shop</source>
        <translation>បង្កើត​ហាង (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Remember the password on this computer</source>
        <translation>ចងចាំ​ពាក្យ​សម្ងាត់​នៅលើ​កុំព្យូទ័រ​នេះ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>ម៉ាស៊ីន​មេ (&amp;S)៖</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>អ្នកប្រើ (&amp;U)៖</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was opened.</source>
        <translation>បាន​បោះបង់។ មិន​បាន​បើក​អ្វី​ទេ។</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>កំពុង​ភ្ជាប់​ទៅ %1…</translation>
    </message>
    <message>
        <source>Database %1 holds another program&apos;s tables: it is not a KPI Desk shop. Choose an empty database or the shop&apos;s own.</source>
        <translation>មូលដ្ឋាន​ទិន្នន័យ %1 មាន​តារាង​របស់​កម្មវិធី​ផ្សេង៖ វា​មិន​មែន​ជា​ហាង KPI Desk ទេ។ សូម​ជ្រើស​មូលដ្ឋាន​ទិន្នន័យ​ទទេ ឬ​មូលដ្ឋាន​ទិន្នន័យ​របស់​ហាង​ផ្ទាល់។</translation>
    </message>
    <message>
        <source>Database %1 on %2 is empty. Make a new KPI Desk shop in it?

KPI Desk creates its tables and default settings in this database only; nothing else on the server changes. Every laptop that opens this database then shares the shop.</source>
        <translation>មូលដ្ឋាន​ទិន្នន័យ %1 នៅលើ %2 ទទេ។ បង្កើត​ហាង KPI Desk ថ្មី​នៅក្នុង​វា​ឬ?

KPI Desk បង្កើត​តារាង និង​ការកំណត់​លំនាំដើម​របស់​វា​នៅក្នុង​មូលដ្ឋាន​ទិន្នន័យ​នេះ​តែ​ប៉ុណ្ណោះ៖ គ្មាន​អ្វី​ផ្សេង​ទៀត​នៅលើ​ម៉ាស៊ីន​មេ​ត្រូវបាន​ផ្លាស់ប្ដូរ​ទេ។ បន្ទាប់មក កុំព្យូទ័រ​យួរ​ដៃ​គ្រប់​គ្រឿង​ដែល​បើក​មូលដ្ឋាន​ទិន្នន័យ​នេះ ប្រើ​ហាង​នេះ​រួមគ្នា។</translation>
    </message>
    <message>
        <source>Enter the name of the shop&apos;s database.</source>
        <translation>សូម​បញ្ចូល​ឈ្មោះ​មូលដ្ឋាន​ទិន្នន័យ​របស់​ហាង។</translation>
    </message>
    <message>
        <source>Enter the server&apos;s name or address.</source>
        <translation>សូម​បញ្ចូល​ឈ្មោះ ឬ​អាសយដ្ឋាន​របស់​ម៉ាស៊ីន​មេ។</translation>
    </message>
    <message>
        <source>Enter the user name.</source>
        <translation>សូម​បញ្ចូល​ឈ្មោះ​អ្នកប្រើ។</translation>
    </message>
    <message>
        <source>Kept in the computer&apos;s own password store (Windows Credential Manager, macOS Keychain), never in KPI Desk&apos;s settings.</source>
        <translation>រក្សាទុក​ក្នុង​កន្លែង​រក្សា​ពាក្យ​សម្ងាត់​របស់​កុំព្យូទ័រ​ផ្ទាល់ (Windows Credential Manager, macOS Keychain) មិន​ដែល​នៅក្នុង​ការកំណត់​របស់ KPI Desk ទេ។</translation>
    </message>
    <message>
        <source>Make a new shared shop?</source>
        <translation>បង្កើត​ហាង​ប្រើ​រួមគ្នា​ថ្មី​ឬ?</translation>
    </message>
    <message>
        <source>No answer from %1 on port %2. Check the server&apos;s name or address, that it is switched on, and that this laptop is on its network.</source>
        <translation>គ្មាន​ការឆ្លើយតប​ពី %1 នៅ​ច្រក %2 ទេ។ សូម​ពិនិត្យ​ឈ្មោះ ឬ​អាសយដ្ឋាន​ម៉ាស៊ីន​មេ ថា​វា​បាន​បើក ហើយ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ​នៅលើ​បណ្ដាញ​របស់​វា។</translation>
    </message>
    <message>
        <source>Nothing was made. Choose another database, or Connect again to make the shop.</source>
        <translation>មិន​បាន​បង្កើត​អ្វី​ទេ។ សូម​ជ្រើស​មូលដ្ឋាន​ទិន្នន័យ​ផ្សេង ឬ​ចុច «ភ្ជាប់» ម្ដង​ទៀត​ដើម្បី​បង្កើត​ហាង។</translation>
    </message>
    <message>
        <source>Open shared shop</source>
        <translation>បើក​ហាង​ប្រើ​រួមគ្នា</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>ច្រក (&amp;O)៖</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>ពាក្យ​សម្ងាត់ (&amp;W)៖</translation>
    </message>
    <message>
        <source>The server did not accept user %1 with this password. Check both (the password is case-sensitive).</source>
        <translation>ម៉ាស៊ីន​មេ​មិន​ទទួលយក​អ្នកប្រើ %1 ជាមួយ​ពាក្យ​សម្ងាត់​នេះ​ទេ។ សូម​ពិនិត្យ​ទាំង​ពីរ (ពាក្យ​សម្ងាត់​បែងចែក​អក្សរ​ធំ និង​អក្សរ​តូច)។</translation>
    </message>
    <message>
        <source>The server has no database named %1. Check the name, or create the database first (see the README).</source>
        <translation>ម៉ាស៊ីន​មេ​គ្មាន​មូលដ្ឋាន​ទិន្នន័យ​ឈ្មោះ %1 ទេ។ សូម​ពិនិត្យ​ឈ្មោះ ឬ​បង្កើត​មូលដ្ឋាន​ទិន្នន័យ​ជាមុន​សិន (មើល README)។</translation>
    </message>
    <message>
        <source>The shop in %1 was made by a newer KPI Desk (schema %2; this copy knows %3). Install the newer KPI Desk on this laptop.</source>
        <translation>ហាង​ក្នុង %1 ត្រូវបាន​បង្កើត​ដោយ KPI Desk ជំនាន់​ថ្មី​ជាង (គ្រោង​ទិន្នន័យ %2 ចំណែក​កម្មវិធី​នេះ​ស្គាល់ %3)។ សូម​ដំឡើង KPI Desk ជំនាន់​ថ្មី​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ។</translation>
    </message>
    <message>
        <source>This computer has no password store: the password is asked each time the shop is opened.</source>
        <translation>កុំព្យូទ័រ​នេះ​គ្មាន​កន្លែង​រក្សា​ពាក្យ​សម្ងាត់​ទេ៖ ពាក្យ​សម្ងាត់​នឹង​ត្រូវ​សួរ​រាល់​ពេល​បើក​ហាង។</translation>
    </message>
    <message>
        <source>This copy of KPI Desk cannot open shared shops (its PostgreSQL driver is missing). Reinstall KPI Desk.</source>
        <translation>KPI Desk នេះ​មិន​អាច​បើក​ហាង​ប្រើ​រួមគ្នា​បាន​ទេ (ខ្វះ​កម្មវិធី​បញ្ជា PostgreSQL)។ សូម​ដំឡើង KPI Desk ឡើងវិញ។</translation>
    </message>
    <message>
        <source>name or address, e.g. %1</source>
        <translation>ឈ្មោះ ឬ​អាសយដ្ឋាន ឧ. %1</translation>
    </message>
    <message>
        <source>Open wit&amp;hout the server</source>
        <translation>បើក​ដោយ​គ្មាន​ម៉ាស៊ីនមេ (&amp;H)</translation>
    </message>
    <message>
        <source>Take sales from what this laptop last knew of the shop; they are sent when the server answers.</source>
        <translation>កត់ត្រា​ការលក់ ដោយ​ប្រើ​ព័ត៌មាន​ហាង​ចុងក្រោយ​ដែល​កុំព្យូទ័រ​យួរដៃ​នេះ​ស្គាល់ ហើយ​ការលក់​ទាំងនោះ​នឹង​ត្រូវ​ផ្ញើ​ទៅ​នៅពេល​ម៉ាស៊ីនមេ​ឆ្លើយតប​វិញ។</translation>
    </message>
</context>
<context>
    <name>ContactCallsTab</name>
    <message>
        <source>&amp;Delete call</source>
        <translation>លុប​ការ​ហៅ (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Log a call…</source>
        <translation>កត់​ការ​ហៅ (&amp;L)…</translation>
    </message>
    <message>
        <source>Calls (%1)</source>
        <translation>ការហៅ (%1)</translation>
    </message>
    <message>
        <source>Delete the call of %1</source>
        <translation>លុប​ការ​ហៅ​ថ្ងៃ %1</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>កែ​ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>New contact</source>
        <translation>ទំនាក់ទំនង​ថ្មី</translation>
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
        <source>&amp;Created:</source>
        <translation>ថ្ងៃ​បង្កើត (&amp;C)៖</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>កំណត់​ចំណាំ (&amp;O)៖</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Lead (has not bought yet)</source>
        <translation>អតិថិជន​សក្តានុពល (មិន​ទាន់​ទិញ)</translation>
    </message>
    <message>
        <source>Name in Khmer or Latin letters</source>
        <translation>ឈ្មោះ​ជា​អក្សរ​ខ្មែរ ឬ​ឡាតាំង</translation>
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
    <message>
        <source>So&amp;urce:</source>
        <translation>ប្រភព (&amp;U)៖</translation>
    </message>
    <message>
        <source>Sal&amp;esperson:</source>
        <translation>អ្នកលក់ (&amp;E)៖</translation>
    </message>
</context>
<context>
    <name>ContactKind</name>
    <message>
        <source>Lead</source>
        <translation>អតិថិជន​សក្តានុពល</translation>
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
        <translation>ថ្ងៃ​បង្កើត៖</translation>
    </message>
    <message>
        <source>Purchases:</source>
        <translation>ការទិញ៖</translation>
    </message>
    <message>
        <source>%1 orders, %2 in total; first %3, last %4</source>
        <translation>ការបញ្ជាទិញ %1&#xa0;ដង · សរុប %2 · ទិញ​លើក​ដំបូង %3 · ទិញ​ចុងក្រោយ %4</translation>
    </message>
    <message>
        <source>Purchases (%1)</source>
        <translation>ការទិញ (%1)</translation>
    </message>
    <message>
        <source>Opportunities (%1)</source>
        <translation>ឱកាស​លក់ (%1)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>ការមក​ទិញ</translation>
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
        <translation>មធ្យោបាយ​លក់</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>ឱកាស​លក់</translation>
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
        <translation>ថ្ងៃ​រំពឹង​បិទ​ការលក់</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>មូលហេតុ​បាត់​ឱកាស</translation>
    </message>
    <message>
        <source>Fewer than two visit days: no gap yet.</source>
        <translation>មក​ទិញ​តិច​ជាង​ពីរ​ថ្ងៃ៖ មិន​ទាន់​មាន​គម្លាត​ទេ។</translation>
    </message>
    <message>
        <source>%1 visit days. Usual gap (median): %2 days; shortest %3, longest %4. Last visit %5 days ago.</source>
        <translation>មក​ទិញ %1&#xa0;ថ្ងៃ។ គម្លាត​ធម្មតា (មេដ្យាន)៖ %2&#xa0;ថ្ងៃ · ខ្លី​បំផុត %3&#xa0;ថ្ងៃ · វែង​បំផុត %4&#xa0;ថ្ងៃ។ មក​ចុងក្រោយ %5&#xa0;ថ្ងៃ​មុន។</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>ការមក​ទិញ</translation>
    </message>
    <message>
        <source>Previous visit</source>
        <translation>ការមក​ទិញ​មុន</translation>
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
        <translation>ថ្មី</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>អតិថិជន​ប្រចាំ</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>ជិត​បាត់បង់</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>ឈប់​មក​ទិញ</translation>
    </message>
    <message>
        <source>No purchase yet</source>
        <translation>មិន​ទាន់​ទិញ</translation>
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
        <translation>ថ្ងៃ​បង្កើត</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>ថ្ងៃ​ទិញ​លើក​ដំបូង</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>ថ្ងៃ​ទិញ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Revenue, last %1 days</source>
        <translation>ចំណូល %1&#xa0;ថ្ងៃ​ចុងក្រោយ</translation>
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
        <translation>ឈ្មោះ ឬ​លេខ​ទូរស័ព្ទ</translation>
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
        <translation>ទំនាក់ទំនង​ថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <source>Add a lead or a customer (Ctrl+Shift+N)</source>
        <translation>បន្ថែម​អតិថិជន​សក្តានុពល ឬ​អតិថិជន (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;Open page</source>
        <translation>បើក​ទំព័រ (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Merge duplicates…</source>
        <translation>បញ្ចូល​ឈ្មោះ​ស្ទួន​គ្នា… (&amp;M)</translation>
    </message>
    <message>
        <source>Select two contacts that are the same person and merge them: their sales follow</source>
        <translation>ជ្រើស​ទំនាក់ទំនង​ពីរ​ដែល​ជា​មនុស្ស​តែ​មួយ ហើយ​បញ្ចូល​គ្នា៖ ការលក់​ទាំងអស់​នឹង​ផ្ទេរ​ទៅ​ទំនាក់ទំនង​ដែល​នៅសល់</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>Only a contact without sales can be deleted</source>
        <translation>អាច​លុប​បាន​តែ​ទំនាក់ទំនង​ដែល​គ្មាន​ការលក់​ប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <source>%1 of %2 contacts shown</source>
        <translation>បង្ហាញ​ទំនាក់ទំនង %1 ក្នុង​ចំណោម %2</translation>
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
        <translation>%1 (ការបញ្ជាទិញ %2&#xa0;ដង · ទិញ​ចុងក្រោយ %3)</translation>
    </message>
    <message>
        <source>Merge duplicates</source>
        <translation>បញ្ចូល​ឈ្មោះ​ស្ទួន​គ្នា</translation>
    </message>
    <message>
        <source>Add contact %1</source>
        <translation>បន្ថែម​ទំនាក់ទំនង %1</translation>
    </message>
    <message>
        <source>Edit contact %1</source>
        <translation>កែ​ទំនាក់ទំនង %1</translation>
    </message>
    <message>
        <source>Select exactly two contacts to merge.</source>
        <translation>សូម​ជ្រើស​ទំនាក់ទំនង​ពីរ​ប៉ុណ្ណោះ ដើម្បី​បញ្ចូល​គ្នា។</translation>
    </message>
    <message>
        <source>Merge contacts into %1</source>
        <translation>បញ្ចូល​ទំនាក់ទំនង​ទៅក្នុង %1</translation>
    </message>
    <message>
        <source>%1 has %2 sales, so it cannot be deleted. If it is a duplicate, select both contacts and merge them instead.</source>
        <translation>%1 មាន​ការលក់ %2&#xa0;ដង ដូច្នេះ​មិន​អាច​លុប​បាន​ទេ។ បើ​វា​ជា​ឈ្មោះ​ស្ទួន សូម​ជ្រើស​ទំនាក់ទំនង​ទាំង​ពីរ ហើយ​បញ្ចូល​គ្នា​ជំនួស​វិញ។</translation>
    </message>
    <message>
        <source>Delete the contact %1? (Edit ▸ Undo brings it back.)</source>
        <translation>លុប​ទំនាក់ទំនង %1 ឬ​ទេ? (អាច​យក​មកវិញ​តាម «កែសម្រួល ▸ មិន​ធ្វើ​វិញ»។)</translation>
    </message>
    <message>
        <source>Delete contact %1</source>
        <translation>លុប​ទំនាក់ទំនង %1</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>កែ… (&amp;I)</translation>
    </message>
    <message>
        <source>Merge these two contacts into one? The sales and opportunities of the other move to the one that stays.</source>
        <translation>បញ្ចូល​ទំនាក់ទំនង​ទាំង​ពីរ​នេះ​ឱ្យ​ទៅជា​តែ​មួយ​ឬ​ទេ? ការលក់ និង​ឱកាស​លក់​របស់​ម្នាក់​ទៀត នឹង​ផ្ទេរ​ទៅ​ម្នាក់​ដែល​នៅសល់។</translation>
    </message>
    <message>
        <source>Keep %1</source>
        <translation>រក្សា​លេខ %1</translation>
    </message>
</context>
<context>
    <name>DashboardActions</name>
    <message>
        <source>Sha&amp;re…</source>
        <translation>ចែករំលែក (&amp;R)…</translation>
    </message>
    <message>
        <source>Some entries of this month look wrong: see which, fix them or mark them as right</source>
        <translation>ទិន្នន័យ​ខ្លះ​ក្នុង​ខែ​នេះ​មើល​ទៅ​ខុស៖ មើល​ថា​មួយ​ណា កែ​វា ឬ​សម្គាល់​ថា​ត្រឹមត្រូវ</translation>
    </message>
    <message>
        <source>The month&apos;s key figures as a picture for the phone, and as text</source>
        <translation>តួលេខ​សំខាន់ៗ​ប្រចាំ​ខែ ជា​រូបភាព​សម្រាប់​ទូរស័ព្ទ និង​ជា​អត្ថបទ</translation>
    </message>
    <message>
        <source>⚠ Chec&amp;k the data (%1)</source>
        <translation>⚠ ពិនិត្យ​ទិន្នន័យ (%1) (&amp;K)</translation>
    </message>
</context>
<context>
    <name>DashboardInsight</name>
    <message>
        <source>%1 salespeople</source>
        <translation>អ្នកលក់ %1&#xa0;នាក់</translation>
    </message>
    <message>
        <source>Chance of making it</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>Chance of making the month&apos;s revenue target, from %1 simulated ends of the month (each day left drawn from the same weekday of the last eight weeks)</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ​ចំណូល​ប្រចាំ​ខែ គណនា​ពី​ការសាកល្បង​ចុង​ខែ %1&#xa0;ដង (ថ្ងៃ​នីមួយៗ​ដែល​នៅសល់ យក​តាម​ថ្ងៃ​ដូចគ្នា​ក្នុង​សប្ដាហ៍ នៃ​ប្រាំបី​សប្ដាហ៍​ចុងក្រោយ)</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>កម្រៃ​ជើង​សា</translation>
    </message>
    <message>
        <source>Commission earned by the salespeople this month, at their rates</source>
        <translation>កម្រៃ​ជើង​សា​ដែល​អ្នកលក់​ទទួលបាន​ក្នុង​ខែ​នេះ តាម​អត្រា​របស់​ពួកគេ</translation>
    </message>
    <message>
        <source>no rate set</source>
        <translation>មិន​ទាន់​កំណត់​អត្រា</translation>
    </message>
</context>
<context>
    <name>DashboardLinks</name>
    <message>
        <source>Gross profit</source>
        <translation>ប្រាក់​ចំណេញ​ដុល</translation>
    </message>
    <message>
        <source>Revenue less the unit costs of the lines whose cost is known; click for the products</source>
        <translation>ចំណូល​ដក​ថ្លៃ​ដើម​នៃ​ការលក់​ដែល​ដឹង​ថ្លៃ​ដើម · ចុច​ដើម្បី​មើល​តាម​ទំនិញ</translation>
    </message>
    <message>
        <source>enter unit costs in Settings</source>
        <translation>បញ្ចូល​ថ្លៃ​ដើម​ក្នុង​ការកំណត់</translation>
    </message>
    <message>
        <source>margin %1, cost known for %2</source>
        <translation>អត្រា​ចំណេញ %1 · ដឹង​ថ្លៃ​ដើម %2</translation>
    </message>
</context>
<context>
    <name>DashboardTab</name>
    <message>
        <source>Dashboard</source>
        <translation>ផ្ទាំង​សង្ខេប</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>ចំណូល</translation>
    </message>
    <message>
        <source>Net revenue of the month, refunds included</source>
        <translation>ចំណូល​សុទ្ធ​ក្នុង​ខែ ដក​ការសង​ប្រាក់​វិញ​រួច</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Receipts, not counting refunds</source>
        <translation>វិក្កយបត្រ មិន​រាប់​ការសង​ប្រាក់​វិញ</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>តម្លៃ​មធ្យម​ក្នុង​មួយ​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Revenue divided by orders</source>
        <translation>ចំណូល​ចែក​នឹង​ចំនួន​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Growth vs last month</source>
        <translation>កំណើន​ធៀប​ខែ​មុន</translation>
    </message>
    <message>
        <source>Revenue against the month before (MoM)</source>
        <translation>ចំណូល​ធៀប​នឹង​ខែ​មុន</translation>
    </message>
    <message>
        <source>Growth vs last year</source>
        <translation>កំណើន​ធៀប​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Revenue against the same month a year before (YoY)</source>
        <translation>ចំណូល​ធៀប​នឹង​ខែ​ដដែល​កាលពី​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>Revenue target of the month</source>
        <translation>គោលដៅ​ចំណូល​នៃ​ខែ</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>ការសម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>Revenue divided by the target</source>
        <translation>ចំណូល​ចែក​នឹង​គោលដៅ</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>ល្បឿន</translation>
    </message>
    <message>
        <source>Revenue against the target expected by today</source>
        <translation>ចំណូល​ធៀប​នឹង​គោលដៅ​ដែល​រំពឹង​ដល់​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>Run-rate projection</source>
        <translation>ការប៉ាន់ស្មាន​តាម​ល្បឿន​បច្ចុប្បន្ន</translation>
    </message>
    <message>
        <source>Revenue at the month&apos;s end if sales go on as so far</source>
        <translation>ចំណូល​នៅ​ចុង​ខែ បើ​ការលក់​បន្ត​ដូច​រហូតមកដល់​ពេលនេះ</translation>
    </message>
    <message>
        <source>Needed per day</source>
        <translation>ត្រូវការ​ក្នុង​មួយ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Revenue needed each remaining day to reach the target</source>
        <translation>ចំណូល​ដែល​ត្រូវការរៀងរាល់​ថ្ងៃ​ដែល​នៅសល់ ដើម្បី​សម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>អតិថិជន​ថ្មី</translation>
    </message>
    <message>
        <source>Customers whose first purchase is in the period</source>
        <translation>អតិថិជន​ដែល​ទិញ​លើក​ដំបូង​ក្នុង​រយៈពេល​នេះ</translation>
    </message>
    <message>
        <source>Lead conversion</source>
        <translation>អត្រា​បំប្លែង​អតិថិជន​សក្តានុពល</translation>
    </message>
    <message>
        <source>Leads created in the period who bought within the lead window</source>
        <translation>អតិថិជន​សក្តានុពល​ដែល​បង្កើត​ក្នុង​រយៈពេល​នេះ ហើយ​បាន​ទិញ​ក្នុង​រយៈពេល​កំណត់</translation>
    </message>
    <message>
        <source>Second purchase</source>
        <translation>ការទិញ​លើក​ទី​ពីរ</translation>
    </message>
    <message>
        <source>target already reached</source>
        <translation>បាន​សម្រេច​គោលដៅ​ហើយ</translation>
    </message>
    <message>
        <source>Active customers</source>
        <translation>អតិថិជន​សកម្ម</translation>
    </message>
    <message>
        <source>Returning customers</source>
        <translation>អតិថិជន​ត្រឡប់​មកវិញ</translation>
    </message>
    <message>
        <source>Active customers who are not new</source>
        <translation>អតិថិជន​សកម្ម​ដែល​មិន​មែន​ជា​អតិថិជន​ថ្មី</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>ការរក្សា​អតិថិជន</translation>
    </message>
    <message>
        <source>Customers of the period before who bought again</source>
        <translation>អតិថិជន​នៃ​រយៈពេល​មុន​ដែល​បាន​ទិញ​ម្ដង​ទៀត</translation>
    </message>
    <message>
        <source>Churn</source>
        <translation>អត្រា​បាត់បង់​អតិថិជន</translation>
    </message>
    <message>
        <source>Customers of the period before who did not buy again</source>
        <translation>អតិថិជន​នៃ​រយៈពេល​មុន​ដែល​មិន​បាន​ទិញ​ម្ដង​ទៀត</translation>
    </message>
    <message>
        <source>Customer retention rate</source>
        <translation>អត្រា​រក្សា​អតិថិជន (CRR)</translation>
    </message>
    <message>
        <source>(active − new) / active in the period before; counts customers coming back after a gap</source>
        <translation>(សកម្ម − ថ្មី) / សកម្ម​ក្នុង​រយៈពេល​មុន រាប់​ទាំង​អតិថិជន​ដែល​ត្រឡប់​មកវិញ​ក្រោយពេល​ឈប់​មួយ​រយៈ</translation>
    </message>
    <message>
        <source>Repeat purchase rate</source>
        <translation>អត្រា​ទិញ​ឡើងវិញ</translation>
    </message>
    <message>
        <source>Active customers with two orders or more</source>
        <translation>អតិថិជន​សកម្ម​ដែល​មាន​ការបញ្ជាទិញ​ពីរ​ដង ឬ​ច្រើន​ជាង​នេះ</translation>
    </message>
    <message>
        <source>Open pipeline</source>
        <translation>ឱកាស​លក់​កំពុង​តាមដាន</translation>
    </message>
    <message>
        <source>Value of the open opportunities</source>
        <translation>តម្លៃ​នៃ​ឱកាស​លក់​ដែល​កំពុង​តាមដាន</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>តម្លៃ​ឱកាស​លក់​តាម​លទ្ធភាព</translation>
    </message>
    <message>
        <source>Value × probability of the open opportunities</source>
        <translation>តម្លៃ × លទ្ធភាព​លក់​បាន នៃ​ឱកាស​លក់​ដែល​កំពុង​តាមដាន</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>ហួស​កាលកំណត់</translation>
    </message>
    <message>
        <source>Open opportunities past their expected close date</source>
        <translation>ឱកាស​លក់​កំពុង​តាមដាន​ដែល​ហួស​ថ្ងៃ​រំពឹង​បិទ​ការលក់</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>អត្រា​លក់​បាន</translation>
    </message>
    <message>
        <source>Won / (won + lost), closed this month</source>
        <translation>លក់​បាន / (លក់​បាន + បាត់​ឱកាស) ដែល​បាន​បិទ​ក្នុង​ខែ​នេះ</translation>
    </message>
    <message>
        <source>Average deal size</source>
        <translation>តម្លៃ​មធ្យម​នៃ​ឱកាស​លក់​បាន</translation>
    </message>
    <message>
        <source>Mean value of the opportunities won this month</source>
        <translation>តម្លៃ​មធ្យម​នៃ​ឱកាស​លក់​ដែល​លក់​បាន​ក្នុង​ខែ​នេះ</translation>
    </message>
    <message>
        <source>Sales cycle</source>
        <translation>រយៈពេល​លក់</translation>
    </message>
    <message>
        <source>Mean days from creation to won</source>
        <translation>ចំនួន​ថ្ងៃ​មធ្យម​ពី​ពេល​បង្កើត​ដល់​ពេល​លក់​បាន</translation>
    </message>
    <message>
        <source>Pipeline forecast</source>
        <translation>ការព្យាករណ៍​ពី​ឱកាស​លក់</translation>
    </message>
    <message>
        <source>Revenue so far + weighted opportunities expected to close this month</source>
        <translation>ចំណូល​រហូតមកដល់​ពេលនេះ + ឱកាស​លក់​តាម​លទ្ធភាព ដែល​រំពឹង​ថា​នឹង​បិទ​ក្នុង​ខែ​នេះ</translation>
    </message>
    <message>
        <source>Pipeline coverage</source>
        <translation>អត្រា​គ្របដណ្ដប់​គោលដៅ</translation>
    </message>
    <message>
        <source>Weighted pipeline closing this month / gap to target</source>
        <translation>ឱកាស​លក់​តាម​លទ្ធភាព​ដែល​បិទ​ក្នុង​ខែ​នេះ / ចំនួន​នៅ​ខ្វះ​នៃ​គោលដៅ</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>ខែ (&amp;M)៖</translation>
    </message>
    <message>
        <source>Previous month (Alt+Left)</source>
        <translation>ខែ​មុន (Alt+Left)</translation>
    </message>
    <message>
        <source>Next month (Alt+Right)</source>
        <translation>ខែ​បន្ទាប់ (Alt+Right)</translation>
    </message>
    <message>
        <source>Sales &amp;&amp; targets</source>
        <translation>លក់ និង​គោលដៅ</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>ឱកាស​លក់</translation>
    </message>
    <message>
        <source>Growth vs the month before</source>
        <translation>កំណើន​ធៀប​ខែ​មុន</translation>
    </message>
    <message>
        <source>Open pipeline by stage</source>
        <translation>ឱកាស​លក់​កំពុង​តាមដាន តាម​ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>តម្លៃ</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>តាម​លទ្ធភាព</translation>
    </message>
    <message>
        <source>Customer figures &amp;by:</source>
        <translation>តួលេខ​អតិថិជន​តាម (&amp;B)៖</translation>
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
        <translation>ក្រុម​អតិថិជន​តាម​ខែ​ទិញ​ដំបូង៖ ភាគរយ​នៃ​អតិថិជន​ថ្មី​នៃ​ខែ​នីមួយៗ ដែល​បាន​ទិញ​ម្ដង​ទៀត​នៅ​ខែ​បន្ទាប់ៗ (ជួរ​ឈរ = ចំនួន​ខែ​ក្រោយ​ការទិញ​លើក​ដំបូង)</translation>
    </message>
    <message>
        <source>Call back: good customers who stopped coming (double-click to open)</source>
        <translation>បញ្ជី​ត្រូវ​ទូរស័ព្ទ​ទៅ៖ អតិថិជន​ល្អ​ដែល​ឈប់​មក​ទិញ (ចុច​ពីរ​ដង​ដើម្បី​បើក)</translation>
    </message>
    <message>
        <source>month to date</source>
        <translation>ពី​ដើម​ខែ​ដល់​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>like-for-like, days %1–%2</source>
        <translation>ធៀប​ចំនួន​ថ្ងៃ​ស្មើគ្នា ថ្ងៃទី&#xa0;%1–%2</translation>
    </message>
    <message>
        <source>no target set</source>
        <translation>មិន​ទាន់​កំណត់​គោលដៅ</translation>
    </message>
    <message>
        <source>gap %1</source>
        <translation>នៅ​ខ្វះ %1</translation>
    </message>
    <message>
        <source>expected by today %1</source>
        <translation>រំពឹង​ដល់​ថ្ងៃ​នេះ %1</translation>
    </message>
    <message>
        <source>day %1 of %2</source>
        <translation>ថ្ងៃទី&#xa0;%1 នៃ %2&#xa0;ថ្ងៃ</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>នៅសល់ %1&#xa0;ថ្ងៃ</translation>
    </message>
    <message>
        <source>In progress: day %1 of %2, figures are month to date</source>
        <translation>ខែមិន​ទាន់​ចប់៖ ថ្ងៃទី&#xa0;%1 នៃ %2&#xa0;ថ្ងៃ · តួលេខ​គិត​ពី​ដើម​ខែ​ដល់​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>This month has not started yet</source>
        <translation>ខែ​នេះ​មិន​ទាន់​ចាប់ផ្ដើម​នៅឡើយ​ទេ</translation>
    </message>
    <message>
        <source>Complete month</source>
        <translation>ខែ​ពេញ</translation>
    </message>
    <message>
        <source>Q%1 %2</source>
        <translation>ត្រីមាស​ទី&#xa0;%1&#xa0;ឆ្នាំ %2</translation>
    </message>
    <message>
        <source>provisional</source>
        <translation>បណ្ដោះអាសន្ន</translation>
    </message>
    <message>
        <source>From lead to loyal customer (leads created in %1)</source>
        <translation>ពី​អតិថិជន​សក្តានុពល ទៅ​អតិថិជន​ប្រចាំ (អតិថិជន​សក្តានុពល​ដែល​បង្កើត​ក្នុង %1)</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>អតិថិជន​សក្តានុពល</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>ទិញ​ឡើងវិញ</translation>
    </message>
    <message>
        <source>Loyal</source>
        <translation>អតិថិជន​ប្រចាំ</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>កំពុង​តាមដាន %1</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>ហួស​កាលកំណត់ %1</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1&#xa0;ថ្ងៃ</translation>
    </message>
    <message>
        <source>Loyal customers (%1 days)</source>
        <translation>អតិថិជន​ប្រចាំ (%1&#xa0;ថ្ងៃ)</translation>
    </message>
    <message>
        <source>Customers with at least %1 orders in the %2 days up to the period&apos;s end (or today)</source>
        <translation>អតិថិជន​ដែល​មាន​ការបញ្ជាទិញ​យ៉ាងតិច %1&#xa0;ដង ក្នុង​រយៈពេល %2&#xa0;ថ្ងៃ រហូតដល់​ចុង​រយៈពេល (ឬ​ថ្ងៃ​នេះ)</translation>
    </message>
    <message>
        <source>No sales in these %1 months yet: revenue appears here as you record sales.</source>
        <translation>មិន​ទាន់​មាន​ការលក់​ក្នុង​រយៈពេល %1&#xa0;ខែ​នេះ​ទេ៖ ចំណូល​នឹង​បង្ហាញ​នៅ​ទីនេះ ពេល​អ្នក​កត់ត្រា​ការលក់។</translation>
    </message>
    <message>
        <source>%1, so far (day %2); beside each figure: %3 on the same day</source>
        <translation>%1 គិត​មកដល់​ពេលនេះ (ថ្ងៃទី&#xa0;%2)៖ ក្បែរ​តួលេខ​នីមួយៗ គឺ %3 នៅ​ថ្ងៃ​ដូចគ្នា</translation>
    </message>
    <message>
        <source>%1 has not started yet: no figures</source>
        <translation>%1 មិន​ទាន់​ចាប់ផ្តើម​នៅឡើយ៖ មិន​ទាន់​មាន​តួលេខ​ទេ</translation>
    </message>
    <message>
        <source>so far · %1 then</source>
        <translation>គិត​មកដល់​ពេលនេះ · ពេល​នោះ %1</translation>
    </message>
    <message>
        <source>No open opportunities: add them in the Pipeline tab.</source>
        <translation>មិន​ទាន់​មាន​ឱកាស​លក់​កំពុង​តាមដាន​ទេ៖ បន្ថែម​វា​នៅ​ផ្ទាំង ឱកាស​លក់។</translation>
    </message>
    <message>
        <source>Customers with a purchase in the period (so far, while it is in progress)</source>
        <translation>អតិថិជន​ដែល​បាន​ទិញ​ក្នុង​រយៈពេល​នេះ (គិត​មកដល់​ពេលនេះ ពេល​រយៈពេល​នៅ​មិន​ទាន់​ចប់)</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>មិន​ទាន់​ចាប់ផ្តើម</translation>
    </message>
    <message>
        <source>a daily total has no receipts count</source>
        <translation>សរុប​ប្រចាំ​ថ្ងៃ​មួយ​គ្មាន​ចំនួន​វិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Orders and average order value are not available: a daily total of this month has no receipts count (type it in the Sales tab).</source>
        <translation>មិន​អាច​គណនា​ចំនួន​ការបញ្ជាទិញ និង​តម្លៃ​មធ្យម​ក្នុង​មួយ​ការបញ្ជាទិញ​បាន​ទេ៖ សរុប​ប្រចាំ​ថ្ងៃ​មួយ​នៃ​ខែ​នេះ​គ្មាន​ចំនួន​វិក្កយបត្រ (វាយ​បញ្ចូល​វា​នៅ​ផ្ទាំង ការលក់)។</translation>
    </message>
    <message>
        <source>Growth needs sales in two months in a row.</source>
        <translation>កំណើន​ត្រូវការ​ការលក់​ក្នុង​ពីរ​ខែ​ជាប់​គ្នា។</translation>
    </message>
    <message>
        <source>%1 of customers of the last %2 days</source>
        <translation>%1 នៃ​អតិថិជន​ក្នុង %2&#xa0;ថ្ងៃ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>New customers who bought again within %1 days</source>
        <translation>អតិថិជន​ថ្មី​ដែល​បាន​ទិញ​ម្ដង​ទៀត​ក្នុង​រយៈពេល %1&#xa0;ថ្ងៃ</translation>
    </message>
    <message>
        <source>Revenue and target, last %1 months</source>
        <translation>ចំណូល និង​គោលដៅ %1&#xa0;ខែ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Forecast (%1 band)</source>
        <translation>ការព្យាករណ៍ (ចន្លោះ​ជឿជាក់ %1)</translation>
    </message>
    <message>
        <source>day %1 of %2: an early guess</source>
        <translation>ថ្ងៃទី&#xa0;%1 នៃ %2&#xa0;ថ្ងៃ៖ ការ​ប៉ាន់​ស្មាន​នៅ​ដំបូង​ពេក</translation>
    </message>
    <message>
        <source>Chance of making the target, day by day</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ តាម​ថ្ងៃ​នីមួយៗ</translation>
    </message>
    <message>
        <source>No revenue target for this month: set one in the Targets tab.</source>
        <translation>មិន​ទាន់​មាន​គោលដៅ​ចំណូល​សម្រាប់​ខែ​នេះ​ទេ៖ កំណត់​វា​នៅ​ផ្ទាំង​គោលដៅ។</translation>
    </message>
    <message>
        <source>The chance is known while the month is in progress.</source>
        <translation>លទ្ធភាព​អាច​គណនា​បាន​តែ​ពេល​ខែ​កំពុង​ដំណើរការ​ប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>The chance needs four weeks of sales.</source>
        <translation>ការគណនា​លទ្ធភាព​ត្រូវការ​ការលក់​បួន​សប្ដាហ៍។</translation>
    </message>
</context>
<context>
    <name>DataHealth</name>
    <message>
        <source>No sale entered</source>
        <translation>គ្មាន​ការលក់​បញ្ចូល</translation>
    </message>
    <message>
        <source>Far above the usual</source>
        <translation>ខ្ពស់​ជាង​ធម្មតា​ឆ្ងាយ</translation>
    </message>
    <message>
        <source>Unusual exchange rate</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់​ចម្លែក</translation>
    </message>
    <message>
        <source>Riel typed as dollars?</source>
        <translation>វាយ​រៀល​ជា​ដុល្លារ?</translation>
    </message>
    <message>
        <source>Dollars typed as riel?</source>
        <translation>វាយ​ដុល្លារ​ជារៀល?</translation>
    </message>
    <message>
        <source>Entered twice?</source>
        <translation>បញ្ចូល​ពីរ​ដង?</translation>
    </message>
    <message>
        <source>Dated after today</source>
        <translation>ចុះ​កាលបរិច្ឆេទ​ក្រោយ​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>Before the customer was created</source>
        <translation>មុន​ថ្ងៃ​បង្កើត​អតិថិជន</translation>
    </message>
    <message>
        <source>No sale entered on %1, a usual trading day.</source>
        <translation>គ្មាន​ការលក់​បញ្ចូល​នៅ​ថ្ងៃ %1 ដែល​ជា​ថ្ងៃ​លក់​ធម្មតា។</translation>
    </message>
    <message>
        <source>No sale entered from %1 to %2 (%3 usual trading days).</source>
        <translation>គ្មាន​ការលក់​បញ្ចូល​ពី​ថ្ងៃ %1 ដល់ %2 (ថ្ងៃ​លក់​ធម្មតា %3&#xa0;ថ្ងៃ)។</translation>
    </message>
    <message>
        <source>%1: %2 is %3 times the usual price (%4).</source>
        <translation>%1៖ %2 ខ្ពស់​ជាង​តម្លៃ​ធម្មតា (%4) %3&#xa0;ដង។</translation>
    </message>
    <message>
        <source>%1: %2 for a quantity of %3 is %4 times the usual price (%5 each).</source>
        <translation>%1៖ %2 សម្រាប់​ចំនួន %3 ខ្ពស់​ជាង​តម្លៃ​ធម្មតា (%5 មួយ) %4&#xa0;ដង។</translation>
    </message>
    <message>
        <source>%1: a rate of %2 riel per dollar, outside %3–%4.</source>
        <translation>%1៖ អត្រា %2&#xa0;រៀល​ក្នុង​មួយ​ដុល្លារ នៅ​ក្រៅ​ចន្លោះ %3–%4។</translation>
    </message>
    <message>
        <source>%1: %2 in dollars looks like %3 in riel (%4).</source>
        <translation>%1៖ %2 ជា​ដុល្លារ មើល​ទៅ​ដូចជា %3 ជារៀល (%4)។</translation>
    </message>
    <message>
        <source>%1: %2 in riel looks like %3 in dollars.</source>
        <translation>%1៖ %2 ជារៀល មើល​ទៅ​ដូចជា %3 ជា​ដុល្លារ។</translation>
    </message>
    <message>
        <source>%1: the same customer, day, product and amount (%2).</source>
        <translation>%1៖ អតិថិជន ថ្ងៃ ទំនិញ និង​ទឹកប្រាក់​ដូចគ្នា (%2)។</translation>
    </message>
    <message>
        <source>%1 is dated %2, after today.</source>
        <translation>%1 ចុះ​កាលបរិច្ឆេទ %2 ក្រោយ​ថ្ងៃ​នេះ។</translation>
    </message>
    <message>
        <source>%1 is dated %2, before its customer was created (%3).</source>
        <translation>%1 ចុះ​កាលបរិច្ឆេទ %2 មុន​ថ្ងៃ​បង្កើត​អតិថិជន (%3)។</translation>
    </message>
    <message>
        <source>receipt %1 of %2</source>
        <translation>វិក្កយបត្រ %1&#xa0;ថ្ងៃ %2</translation>
    </message>
    <message>
        <source>the sale of %1</source>
        <translation>ការលក់​ថ្ងៃ %1</translation>
    </message>
</context>
<context>
    <name>DataHealthDialog</name>
    <message>
        <source>%1 entries of %2 look wrong. Each one bends the figures: fix it, or mark it as right.</source>
        <translation>ទិន្នន័យ %1 ក្នុង %2 មើល​ទៅ​ខុស។ នីមួយៗ​ធ្វើឱ្យ​តួលេខ​ខុស៖ កែ​វា ឬ​សម្គាល់​ថា​ត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>&amp;Enter the day&apos;s sales</source>
        <translation>បញ្ចូល​ការលក់​នៃ​ថ្ងៃ​នោះ (&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Mark as right</source>
        <translation>សម្គាល់​ថា​ត្រឹមត្រូវ (&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Open the sale to fix it</source>
        <translation>បើក​ការលក់​ដើម្បី​កែ (&amp;O)</translation>
    </message>
    <message>
        <source>Check the data: %1</source>
        <translation>ពិនិត្យ​ទិន្នន័យ៖ %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Marked as right: the finding does not come back. Checked: missing days, amounts far above the usual, unusual rates, riel typed as dollars, sales entered twice, dates after today or before the customer was created.</source>
        <translation>បាន​សម្គាល់​ថា​ត្រឹមត្រូវ៖ វា​នឹង​មិន​បង្ហាញ​ម្ដង​ទៀត​ទេ។ អ្វី​ដែល​បាន​ពិនិត្យ៖ ថ្ងៃ​ដែល​គ្មាន​ការលក់ · ទឹកប្រាក់​ខ្ពស់​ជាង​ធម្មតា​ឆ្ងាយ · អត្រា​ប្តូរ​ប្រាក់​ចម្លែក · រៀល​ដែល​វាយ​ជា​ដុល្លារ · ការលក់​ដែល​បញ្ចូល​ពីរ​ដង · ថ្ងៃ​ក្រោយ​ថ្ងៃ​នេះ ឬ​មុន​ថ្ងៃ​បង្កើត​អតិថិជន។</translation>
    </message>
    <message>
        <source>Nothing looks wrong in %1.</source>
        <translation>គ្មាន​អ្វី​មើល​ទៅ​ខុស​ក្នុង %1 ទេ។</translation>
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
        <translation>បានផ្ដល់សំណើ</translation>
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
        <translation>Facebook</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
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
        <translation>ទៅទិញពីគូប្រជែង</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>គ្មានថវិកា</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>គ្មានការឆ្លើយតប</translation>
    </message>
    <message>
        <source>Cash USD</source>
        <translation>សាច់ប្រាក់ដុល្លារ</translation>
    </message>
    <message>
        <source>Cash riel</source>
        <translation>សាច់ប្រាក់រៀល</translation>
    </message>
    <message>
        <source>KHQR</source>
        <translation>KHQR</translation>
    </message>
    <message>
        <source>Bank app</source>
        <translation>កម្មវិធីធនាគារ</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>កាតធនាគារ</translation>
    </message>
    <message>
        <source>On credit</source>
        <translation>ជំពាក់</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>ផ្សេងៗ</translation>
    </message>
</context>
<context>
    <name>DueCallsModel</name>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Why today</source>
        <translation>ហេតុ​អ្វី​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>តាំងពី</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>ការហៅ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>At risk, not called yet</source>
        <translation>ជិត​បាត់បង់ មិន​ទាន់​បាន​ហៅ</translation>
    </message>
    <message>
        <source>Follow-up due</source>
        <translation>ដល់​ថ្ងៃ​ហៅ​ម្ដង​ទៀត</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Copy details</source>
        <translation>ចម្លង​ព័ត៌មាន​លម្អិត</translation>
    </message>
    <message>
        <source>KPI Desk met an unexpected error. Your saved records are safe; the last action may not have finished. The details were written to the log file.</source>
        <translation>KPI Desk ជួប​កំហុស​ដែល​មិន​នឹកស្មាន​ដល់។ កំណត់​ត្រា​ដែល​បាន​រក្សាទុក​នៅ​មាន​សុវត្ថិភាព ប៉ុន្តែ​សកម្មភាព​ចុងក្រោយ​ប្រហែល​មិន​ទាន់​បញ្ចប់។ ព័ត៌មាន​លម្អិត​ត្រូវបាន​សរសេរ​ទៅក្នុង​ឯកសារ​កំណត់ហេតុ។</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>មិន​បាន​រក្សាទុក</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>មាន​បញ្ហា​កើតឡើង</translation>
    </message>
    <message>
        <source>The disk is full, so this change was not saved. Your earlier records are safe. Free some space and try again.</source>
        <translation>ថាស​ពេញ ដូច្នេះ​ការកែប្រែ​នេះ​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ កំណត់ត្រា​មុនៗ​របស់​អ្នក​នៅ​មាន​សុវត្ថិភាព។ សូម​លុប​ឯកសារ​ខ្លះ​ចេញឱ្យ​មាន​ទំហំ​ទំនេរ ហើយ​ព្យាយាម​ម្ដង​ទៀត។</translation>
    </message>
    <message>
        <source>The disk reported an error, so this change was not saved. Your earlier records are safe. Check the disk or USB stick.</source>
        <translation>ថាសរាយការណ៍​កំហុស ដូច្នេះ​ការកែប្រែ​នេះ​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ កំណត់ត្រា​មុនៗ​របស់​អ្នក​នៅ​មាន​សុវត្ថិភាព។ សូម​ពិនិត្យ​ថាស ឬ USB។</translation>
    </message>
    <message>
        <source>The shop file is busy in another program. This change was not saved; try again in a moment.</source>
        <translation>ឯកសារ​ហាង​កំពុង​ប្រើ​ដោយ​កម្មវិធី​ផ្សេង។ ការកែប្រែ​នេះ​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ សូម​រង់ចាំ​បន្តិច រួច​ព្យាយាម​ម្ដង​ទៀត។</translation>
    </message>
    <message>
        <source>The shop file&apos;s folder cannot be written to, so this change was not saved. Your earlier records are safe.</source>
        <translation>មិន​អាច​សរសេរ​ចូល​ថត​នៃ​ឯកសារ​ហាង​បាន​ទេ ដូច្នេះ​ការកែប្រែ​នេះ​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ កំណត់ត្រា​មុនៗ​របស់​អ្នក​នៅ​មាន​សុវត្ថិភាព។</translation>
    </message>
    <message>
        <source>This change was not saved. Your earlier records are safe.</source>
        <translation>ការកែប្រែ​នេះ​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ កំណត់ត្រា​មុនៗ​របស់​អ្នក​នៅ​មាន​សុវត្ថិភាព។</translation>
    </message>
    <message>
        <source>This input was refused: %1</source>
        <translation>ការបញ្ចូល​នេះ​ត្រូវបាន​បដិសេធ៖ %1</translation>
    </message>
    <message>
        <source>This shop file is already open in KPI Desk (process %1 on %2, since %3). Close it there first, or open another shop file.</source>
        <translation>ឯកសារ​ហាង​នេះ​កំពុង​បើក​ក្នុង KPI Desk រួចហើយ (ដំណើរការ %1 លើ %2 តាំងពី %3)។ សូម​បិទ​វា​នៅ​ទីនោះ​សិន ឬ​បើក​ឯកសារ​ហាង​ផ្សេង។</translation>
    </message>
    <message>
        <source>%1 is a backup: it is never changed. Restore it from File ▸ Backups, or open it read-only to look at it.</source>
        <translation>%1 ជា​ការបម្រុងទុក៖ វា​មិន​ដែល​ត្រូវបាន​កែប្រែ​ទេ។ សូម​ស្ដារ​វា​ពី ឯកសារ ▸ ការបម្រុងទុក ឬ​បើក​វា​ជា​បាន​តែ​អាន ដើម្បី​មើល។</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ជា​ថត មិន​មែន​ជា​ឯកសារ​ទេ។</translation>
    </message>
    <message>
        <source>%1 is a folder, not a shop file.</source>
        <translation>%1 ជា​ថត មិន​មែន​ជា​ឯកសារ​ហាង​ទេ។</translation>
    </message>
    <message>
        <source>%1 is damaged.</source>
        <translation>%1 ខូច។</translation>
    </message>
    <message>
        <source>%1 is empty: it holds no shop.</source>
        <translation>%1 ទទេ៖ វា​គ្មាន​ហាង​នៅក្នុង​នោះ​ទេ។</translation>
    </message>
    <message>
        <source>%1 is not a KPI Desk shop file.</source>
        <translation>%1 មិន​មែន​ជា​ឯកសារ​ហាង KPI Desk ទេ។</translation>
    </message>
    <message>
        <source>%1 is not there. If it is on a USB stick, plug it in and try again.</source>
        <translation>រក​មិន​ឃើញ %1 ទេ។ បើ​វា​នៅលើ USB សូម​ដោត USB ហើយ​ព្យាយាម​ម្តង​ទៀត។</translation>
    </message>
    <message>
        <source>%1 is on a disk that cannot be written to.</source>
        <translation>%1 នៅលើ​ថាស​ដែល​មិន​អាច​សរសេរ​ចូល​បាន។</translation>
    </message>
    <message>
        <source>%1 was saved by a newer version of KPI Desk. Install the newer version to open it; this version will not change it.</source>
        <translation>%1 ត្រូវបាន​រក្សាទុក​ដោយ KPI Desk កំណែ​ថ្មី​ជាង។ សូម​ដំឡើង​កំណែ​ថ្មី​ជាង​ដើម្បី​បើក​វា កំណែ​នេះ​នឹង​មិន​កែប្រែ​វា​ទេ។</translation>
    </message>
    <message>
        <source>%1 was saved by an older version of KPI Desk and must be opened for writing once to be updated.</source>
        <translation>%1 ត្រូវបាន​រក្សាទុក​ដោយ KPI Desk កំណែ​ចាស់​ជាង ហើយ​ត្រូវ​បើក​សម្រាប់​សរសេរ​ម្ដង ដើម្បី​ធ្វើ​បច្ចុប្បន្នភាព។</translation>
    </message>
    <message>
        <source>A backup was made but did not pass its check, so it was not kept. The shop file itself may be damaged: keep your older backups and ask for help before deleting anything.</source>
        <translation>ការបម្រុងទុក​ត្រូវបាន​ធ្វើ ប៉ុន្តែ​មិន​បាន​ឆ្លងការត្រួតពិនិត្យ ដូច្នេះ​វា​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ ឯកសារ​ហាង​ខ្លួន​ឯង​ប្រហែលជា​ខូច៖ សូម​រក្សា​ការបម្រុងទុក​ចាស់ៗ​របស់​អ្នក ហើយ​សុំ​ជំនួយ​មុនពេល​លុប​អ្វី​មួយ។</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s command line tools (pg_dump, pg_restore) are not installed on this laptop.</source>
        <translation>កុំព្យូទ័រ​យួរ​ដៃ​នេះ​មិន​ទាន់​ដំឡើង​ឧបករណ៍​បញ្ជា​របស់ PostgreSQL (pg_dump, pg_restore) នៅឡើយ​ទេ។</translation>
    </message>
    <message>
        <source>The backup could not be written: %1 cannot be written to. Choose another backup folder.</source>
        <translation>មិន​អាច​សរសេរ​ការបម្រុងទុក​បាន​ទេ៖ មិន​អាច​សរសេរ​ចូល %1 បាន​ទេ។ សូម​ជ្រើស​ថត​បម្រុងទុក​ផ្សេង។</translation>
    </message>
    <message>
        <source>The backup could not be written: the backup folder %1 is not there. If it is on a USB stick, plug it in; or choose another folder.</source>
        <translation>មិន​អាច​សរសេរ​ការបម្រុងទុក​បាន​ទេ៖ រក​មិន​ឃើញ​ថត​បម្រុងទុក %1 ទេ។ បើ​វា​នៅលើ USB សូម​ដោត USB ឬ​ជ្រើស​ថត​ផ្សេង។</translation>
    </message>
    <message>
        <source>The backup could not be written: the disk of %1 is full. Free some space, or choose another backup folder.</source>
        <translation>មិន​អាច​សរសេរ​ការបម្រុងទុក​បាន​ទេ៖ ថាស​នៃ %1 ពេញ។ សូម​បង្កើត​ទំហំ​ទំនេរ ឬ​ជ្រើស​ថត​បម្រុងទុក​ផ្សេង។</translation>
    </message>
    <message>
        <source>The backup could not be written: the disk reported an error (%1).</source>
        <translation>មិន​អាច​សរសេរ​ការបម្រុងទុក​បាន​ទេ៖ ថាសរាយការណ៍​កំហុស (%1)។</translation>
    </message>
    <message>
        <source>The computer could not read or write %1.</source>
        <translation>កុំព្យូទ័រ​មិន​អាច​អាន ឬ​សរសេរ %1 បាន​ទេ។</translation>
    </message>
    <message>
        <source>The disk is full, so %1 could not be written. Free some space and try again.</source>
        <translation>ថាស​ពេញ ដូច្នេះ​មិន​អាច​សរសេរ %1 បាន​ទេ។ សូម​បង្កើត​ទំហំ​ទំនេរ ហើយ​ព្យាយាម​ម្តង​ទៀត។</translation>
    </message>
    <message>
        <source>The disk reported an error while using %1. Check the disk or USB stick.</source>
        <translation>ថាសរាយការណ៍​កំហុស ពេល​កំពុង​ប្រើ %1។ សូម​ពិនិត្យ​ថាស ឬ USB។</translation>
    </message>
    <message>
        <source>The shop file is busy in another program. Try again in a moment.</source>
        <translation>ឯកសារ​ហាង​កំពុង​ប្រើ​ដោយ​កម្មវិធី​ផ្សេង។ សូម​ព្យាយាម​ម្តង​ទៀត​បន្តិច​ទៀត។</translation>
    </message>
    <message>
        <source>The shop file was moved or replaced by another program while it was open, so this change was not saved. Close KPI Desk and open the shop again.</source>
        <translation>ឯកសារ​ហាង​ត្រូវបាន​ផ្លាស់ទី ឬ​ជំនួស​ដោយ​កម្មវិធី​ផ្សេង ពេល​វា​កំពុង​បើក ដូច្នេះ​ការកែប្រែ​នេះ​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ សូម​បិទ KPI Desk ហើយ​បើក​ហាង​ម្តង​ទៀត។</translation>
    </message>
    <message>
        <source>The shop file&apos;s folder is not there any more (a USB stick taken out?), so this change was not saved. Your earlier records are safe. Put it back and try again.</source>
        <translation>រក​មិន​ឃើញ​ថត​នៃ​ឯកសារ​ហាង​ទៀត​ទេ (ប្រហែលជា USB ត្រូវបាន​ដក​ចេញ?) ដូច្នេះ​ការកែប្រែ​នេះ​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ កំណត់ត្រា​មុនៗ​របស់​អ្នក​នៅ​មាន​សុវត្ថិភាព។ សូម​ដោត​វា​វិញ ហើយ​ព្យាយាម​ម្តង​ទៀត។</translation>
    </message>
    <message>
        <source>The shop on the server at %1 was upgraded by a newer KPI Desk. Install that version on this laptop.</source>
        <translation>ហាង​នៅលើ​ម៉ាស៊ីន​មេ %1 ត្រូវបាន​ធ្វើឱ្យ​ទាន់សម័យ​ដោយ KPI Desk ជំនាន់​ថ្មី​ជាង។ សូម​ដំឡើង KPI Desk ជំនាន់​នោះ​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ។</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 did not accept the user name or password.</source>
        <translation>ម៉ាស៊ីន​មេ​របស់​ហាង​នៅ %1 មិន​ទទួលយក​ឈ្មោះ​អ្នកប្រើ ឬ​ពាក្យ​សម្ងាត់​ទេ។</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 does not answer. Check that it is switched on and that this laptop is on its network, then try again.</source>
        <translation>ម៉ាស៊ីន​មេ​របស់​ហាង​នៅ %1 មិន​ឆ្លើយតប​ទេ។ សូម​ពិនិត្យ​ថា​វា​បាន​បើក ហើយ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ​ភ្ជាប់​នឹង​បណ្ដាញ​របស់​វា រួច​ព្យាយាម​ម្ដង​ទៀត។</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 reported an error.</source>
        <translation>ម៉ាស៊ីន​មេ​របស់​ហាង​នៅ %1 បាន​រាយការណ៍​កំហុស​មួយ។</translation>
    </message>
    <message>
        <source>The shop&apos;s server has no database named in %1. Create it first (see the README).</source>
        <translation>ម៉ាស៊ីន​មេ​របស់​ហាង​មិន​មាន​មូលដ្ឋាន​ទិន្នន័យ​ដែល​មាន​ឈ្មោះ​ក្នុង %1 ទេ។ សូម​បង្កើត​វា​ជាមុន​សិន (មើល README)។</translation>
    </message>
    <message>
        <source>This backup is damaged: it does not pass its check, so it cannot be restored.</source>
        <translation>ការបម្រុងទុក​នេះ​ខូច៖ វា​មិន​ឆ្លងការត្រួតពិនិត្យ ដូច្នេះ​មិន​អាច​ស្ដារ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>This backup is of another shop (%1, %2 orders, last sale %3).</source>
        <translation>ការបម្រុងទុក​នេះ​ជា​របស់​ហាង​ផ្សេង (%1 ៖ ការបញ្ជាទិញ %2 ការលក់​ចុងក្រោយ %3)។</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of KPI Desk. Install the newer version to restore it.</source>
        <translation>ការបម្រុងទុក​នេះ​ត្រូវបាន​ធ្វើ​ដោយ KPI Desk កំណែ​ថ្មី​ជាង។ សូម​ដំឡើង​កំណែ​ថ្មី​ជាង ដើម្បី​ស្ដារ​វា។</translation>
    </message>
    <message>
        <source>This change is for the owner.</source>
        <translation>ការកែប្រែ​នេះ សម្រាប់​តែ​ម្ចាស់​ហាង​ប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>This copy of KPI Desk cannot open shared shops (its PostgreSQL driver is missing). Reinstall KPI Desk.</source>
        <translation>KPI Desk នេះ​មិន​អាច​បើក​ហាង​ប្រើ​រួមគ្នា​បាន​ទេ (ខ្វះ​កម្មវិធី​ភ្ជាប់ PostgreSQL)។ សូម​ដំឡើង KPI Desk ឡើងវិញ។</translation>
    </message>
    <message>
        <source>This file is not a KPI Desk backup.</source>
        <translation>ឯកសារ​នេះ​មិន​មែន​ជា​ការបម្រុងទុក​របស់ KPI Desk ទេ។</translation>
    </message>
    <message>
        <source>This is a backup, opened read-only: nothing can be saved in it. To work with it, restore it from File ▸ Backups.</source>
        <translation>នេះ​ជា​ការបម្រុងទុក ដែល​បើក​ជា​បាន​តែ​អាន៖ មិន​អាច​រក្សាទុក​អ្វី​ក្នុង​វា​បាន​ទេ។ ដើម្បី​ប្រើ​វា សូម​ស្ដារ​វា​ពី ឯកសារ ▸ ការបម្រុងទុក។</translation>
    </message>
    <message>
        <source>This shop file is already open in KPI Desk, through another name of the same file. Close it there first, or open another shop file.</source>
        <translation>ឯកសារ​ហាង​នេះ​កំពុង​បើក​ក្នុង KPI Desk រួចហើយ តាម​ឈ្មោះ​ផ្សេង​នៃ​ឯកសារ​តែ​មួយ។ សូម​បិទ​វា​នៅ​ទីនោះ​សិន ឬ​បើក​ឯកសារ​ហាង​ផ្សេង។</translation>
    </message>
    <message>
        <source>This shop file is on a disk that cannot be written to (a locked USB stick, a CD, or a folder you have no permission for), so it was opened read-only: you can look, but nothing can be saved.</source>
        <translation>ឯកសារ​ហាង​នេះ​នៅលើ​ថាស​ដែល​មិន​អាច​សរសេរ​ចូល​បាន (USB ដែល​ចាក់សោ ស៊ីឌី ឬ​ថត​ដែល​អ្នក​គ្មាន​សិទ្ធិ) ដូច្នេះ​វា​ត្រូវបាន​បើក​ជា​បាន​តែ​អាន៖ អ្នក​អាច​មើល​បាន ប៉ុន្តែ​មិន​អាច​រក្សាទុក​អ្វី​បាន​ទេ។</translation>
    </message>
    <message>
        <source>This works with shop files only, not with the shared shop at %1.</source>
        <translation>មុខងារ​នេះ​ប្រើ​បាន​តែ​ជាមួយ​ឯកសារ​ហាង​ប៉ុណ្ណោះ មិន​មែន​ជាមួយ​ហាង​ប្រើ​រួមគ្នា​នៅ %1 ទេ។</translation>
    </message>
    <message>
        <source>You do not have permission to use %1.</source>
        <translation>អ្នក​គ្មាន​សិទ្ធិ​ប្រើ %1 ទេ។</translation>
    </message>
    <message>
        <source>the backup folder</source>
        <translation>ថត​បម្រុងទុក</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>CSV, opens in Excel (*.csv)</source>
        <translation>CSV បើក​បាន​ក្នុង Excel (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>មិន​អាច​សរសេរ %1 បាន​ទេ៖ %2</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>សៀវភៅ​បញ្ជី Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>នាំចេញ</translation>
    </message>
    <message>
        <source>%1: currency</source>
        <translation>%1៖ រូបិយប័ណ្ណ</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>បើក​ថត (&amp;O)</translation>
    </message>
    <message>
        <source>CSV, text as on screen (*.csv)</source>
        <translation>CSV អក្សរ​ដូច​នៅលើ​អេក្រង់ (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook, text as on screen (*.xlsx)</source>
        <translation>សៀវភៅ​បញ្ជី Excel អក្សរ​ដូច​នៅលើ​អេក្រង់ (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved %1 rows to %2.</source>
        <translation>បាន​រក្សាទុក %1&#xa0;ជួរ ក្នុង %2។</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>What looks wrong</source>
        <translation>អ្វី​ដែល​មើល​ទៅ​ខុស</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>ព័ត៌មាន​លម្អិត</translation>
    </message>
</context>
<context>
    <name>FirstSteps</name>
    <message>
        <source>Choose the currency your figures are counted in (US dollar or riel) and the day&apos;s rate, then save.</source>
        <translation>ជ្រើសរើស​រូបិយប័ណ្ណ​របាយការណ៍ (ដុល្លារ​អាមេរិក ឬ​រៀល) និង​អត្រា​ប្តូរ​ប្រាក់​ថ្ងៃ​នេះ រួច​រក្សាទុក។</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>រួចរាល់</translation>
    </message>
    <message>
        <source>First steps</source>
        <translation>ជំហាន​ដំបូង</translation>
    </message>
    <message>
        <source>Give your shop its name (shown on the window and on reports).</source>
        <translation>ដាក់​ឈ្មោះ​ហាង​របស់​អ្នក (បង្ហាញ​លើ​បង្អួច និង​លើ​របាយការណ៍)។</translation>
    </message>
    <message>
        <source>Open Sales</source>
        <translation>បើក ការលក់</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>បើក ការកំណត់</translation>
    </message>
    <message>
        <source>Open Targets</source>
        <translation>បើក គោលដៅ</translation>
    </message>
    <message>
        <source>Record your first sale, or the day&apos;s total if you do not enter each receipt.</source>
        <translation>កត់ត្រា​ការលក់​ដំបូង​របស់​អ្នក ឬ​សរុប​ប្រចាំ​ថ្ងៃ ប្រសិនបើ​អ្នក​មិន​បញ្ចូល​វិក្កយបត្រ​នីមួយៗ។</translation>
    </message>
    <message>
        <source>Set a revenue target for this month.</source>
        <translation>កំណត់​គោលដៅ​ចំណូល​សម្រាប់​ខែ​នេះ។</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>ត្រូវ​ធ្វើ</translation>
    </message>
    <message>
        <source>Your shop has no sales yet, so there is nothing to chart. These four steps get it going; the charts appear with your first sale.</source>
        <translation>ហាង​របស់​អ្នក​មិន​ទាន់​មាន​ការលក់​នៅឡើយ​ទេ ដូច្នេះ​មិន​ទាន់​មាន​អ្វី​សម្រាប់​គូស​ក្រាហ្វិក​ទេ។ ជំហាន​ទាំង​បួន​នេះ​ជួយ​អ្នក​ចាប់ផ្តើម៖ ក្រាហ្វិក​នឹង​បង្ហាញ​ពេល​មាន​ការលក់​ដំបូង។</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Sale changed</source>
        <translation>បាន​កែ​ការលក់</translation>
    </message>
    <message>
        <source>Sale deleted</source>
        <translation>បាន​លុប​ការលក់</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>ការសង​ប្រាក់​វិញ</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>ការនាំចូល</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>បាន​មិន​ធ្វើ​ការនាំចូល​វិញ</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>បាន​ស្ដារ​ពី​ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>បាន​ប្ដូរ​ការ​កំណត់</translation>
    </message>
    <message>
        <source>Owner PIN</source>
        <translation>លេខ​សម្ងាត់​ម្ចាស់​ហាង</translation>
    </message>
    <message>
        <source>Target changed</source>
        <translation>បាន​ប្ដូរ​គោលដៅ</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>បាន​លុប</translation>
    </message>
    <message>
        <source>Contacts merged</source>
        <translation>បាន​បញ្ចូល​ទំនាក់ទំនង​ចូល​គ្នា</translation>
    </message>
    <message>
        <source>Put back (undo)</source>
        <translation>បាន​យកមកវិញ (មិន​ធ្វើ​វិញ)</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>បាន​មិន​ធ្វើ​ការបញ្ចូល​គ្នា​វិញ</translation>
    </message>
    <message>
        <source>All changes</source>
        <translation>ការផ្លាស់ប្ដូរ​ទាំងអស់</translation>
    </message>
    <message>
        <source>Sales changed or deleted</source>
        <translation>ការលក់​ដែល​បាន​កែ ឬ​លុប</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>ការសង​ប្រាក់​វិញ</translation>
    </message>
    <message>
        <source>Imports</source>
        <translation>ការនាំចូល</translation>
    </message>
    <message>
        <source>Restores</source>
        <translation>ការស្ដារ</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>ការកំណត់</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>Deletes and merges</source>
        <translation>ការលុប និង​ការបញ្ចូល​គ្នា</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>ឈ្មោះ​ហាង</translation>
    </message>
    <message>
        <source>Reporting currency</source>
        <translation>រូបិយប័ណ្ណ​របាយការណ៍</translation>
    </message>
    <message>
        <source>Default exchange rate</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់​លំនាំដើម</translation>
    </message>
    <message>
        <source>Orders that make a loyal customer</source>
        <translation>ចំនួន​ការបញ្ជាទិញ​ដែល​ធ្វើឱ្យ​ក្លាយជា​អតិថិជន​ប្រចាំ</translation>
    </message>
    <message>
        <source>Days a lead has to buy</source>
        <translation>ចំនួន​ថ្ងៃ​ដែល​អតិថិជន​សក្តានុពល​មាន​សម្រាប់​ទិញ</translation>
    </message>
    <message>
        <source>Daily backups kept (days)</source>
        <translation>រក្សា​ការបម្រុងទុក​ប្រចាំ​ថ្ងៃ (ថ្ងៃ)</translation>
    </message>
    <message>
        <source>Monthly backups kept (months)</source>
        <translation>រក្សា​ការបម្រុងទុក​ប្រចាំ​ខែ (ខែ)</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>ថត​បម្រុងទុក</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>មធ្យោបាយ​លក់</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>មូលហេតុ​បាត់​ឱកាស</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>ដំណាក់កាល</translation>
    </message>
    <message>
        <source>no PIN</source>
        <translation>គ្មាន​លេខ​សម្ងាត់</translation>
    </message>
    <message>
        <source>PIN set</source>
        <translation>បាន​កំណត់​លេខ​សម្ងាត់</translation>
    </message>
    <message>
        <source>PIN changed</source>
        <translation>បាន​ប្ដូរ​លេខ​សម្ងាត់</translation>
    </message>
    <message>
        <source>PIN removed</source>
        <translation>បាន​ដក​លេខ​សម្ងាត់​ចេញ</translation>
    </message>
    <message>
        <source>PIN stored more strongly</source>
        <translation>បាន​រក្សាទុក​លេខ​សម្ងាត់​ឱ្យ​កាន់តែ​មាន​សុវត្ថិភាព</translation>
    </message>
    <message>
        <source>PIN put back after a change outside KPI Desk</source>
        <translation>បាន​ដាក់​លេខ​សម្ងាត់​វិញ ក្រោយ​ការកែប្រែ​នៅ​ក្រៅ KPI Desk</translation>
    </message>
    <message>
        <source>changed outside KPI Desk</source>
        <translation>បាន​កែប្រែ​នៅ​ក្រៅ KPI Desk</translation>
    </message>
    <message>
        <source>PIN kept after a restore</source>
        <translation>បាន​រក្សា​លេខ​សម្ងាត់​ក្រោយ​ការស្ដារ</translation>
    </message>
    <message>
        <source>%1 changes</source>
        <translation>ការផ្លាស់ប្ដូរ %1</translation>
    </message>
    <message>
        <source>%1 sales moved</source>
        <translation>បាន​ផ្ទេរ​ការលក់ %1</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>ពី (&amp;F)៖</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>បង្ហាញ (&amp;S)៖</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>ដល់ (&amp;T)៖</translation>
    </message>
    <message>
        <source>After</source>
        <translation>ក្រោយ</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>មុន</translation>
    </message>
    <message>
        <source>By</source>
        <translation>ដោយ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>ការផ្លាស់ប្ដូរ</translation>
    </message>
    <message>
        <source>Change history</source>
        <translation>ប្រវត្តិការ​ផ្លាស់ប្ដូរ</translation>
    </message>
    <message>
        <source>Contact no. %1</source>
        <translation>ទំនាក់ទំនង​លេខ %1</translation>
    </message>
    <message>
        <source>Every change of a sale of an earlier day, delete, refund, import, restore and setting is kept here, with whether the owner PIN was given. Nothing here can be changed.</source>
        <translation>រាល់​ការកែ​ការលក់​នៃ​ថ្ងៃ​មុនៗ ការលុប ការសង​ប្រាក់​វិញ ការនាំចូល ការស្ដារ និង​ការកំណត់ ត្រូវបាន​កត់ទុក​នៅ​ទីនេះ ព្រមទាំង​ថា​តើ​បាន​វាយ​លេខ​សម្ងាត់​ម្ចាស់​ហាង​ឬ​ទេ។ គ្មាន​អ្វី​នៅ​ទីនេះ​អាច​កែប្រែ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>Opportunity no. %1</source>
        <translation>ឱកាស​លក់​លេខ %1</translation>
    </message>
    <message>
        <source>Sale no. %1</source>
        <translation>ការលក់​លេខ %1</translation>
    </message>
    <message>
        <source>Search: receipt, name, product, setting…</source>
        <translation>ស្វែងរក៖ វិក្កយបត្រ ឈ្មោះ ទំនិញ ការកំណត់…</translation>
    </message>
    <message>
        <source>The newest %1 changes shown: narrow the filter to see older ones.</source>
        <translation>បង្ហាញ​ការផ្លាស់ប្ដូរ​ថ្មី​បំផុត %1៖ បង្រួម​តម្រង​ដើម្បី​មើល​ការផ្លាស់ប្ដូរ​ចាស់​ជាង​នេះ។</translation>
    </message>
    <message>
        <source>What</source>
        <translation>អ្វី</translation>
    </message>
    <message>
        <source>When</source>
        <translation>ពេលវេលា</translation>
    </message>
    <message>
        <source>Backup folder of the laptop %1</source>
        <translation>ថត​បម្រុងទុក​របស់​កុំព្យូទ័រ​យួរដៃ %1</translation>
    </message>
    <message>
        <source>active</source>
        <translation>សកម្ម</translation>
    </message>
    <message>
        <source>app</source>
        <translation>កម្មវិធី</translation>
    </message>
    <message>
        <source>category: %1</source>
        <translation>ប្រភេទ​ទំនិញ៖ %1</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>បន្ទាត់​បញ្ជា</translation>
    </message>
    <message>
        <source>given</source>
        <translation>បាន​វាយ</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>អសកម្ម</translation>
    </message>
    <message>
        <source>kept: %1</source>
        <translation>រក្សាទុក៖ %1</translation>
    </message>
    <message>
        <source>new customers</source>
        <translation>អតិថិជន​ថ្មី</translation>
    </message>
    <message>
        <source>none</source>
        <translation>គ្មាន</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>មិន​បាន​វាយ</translation>
    </message>
    <message>
        <source>position %1</source>
        <translation>លំដាប់​ទី&#xa0;%1</translation>
    </message>
    <message>
        <source>removed: %1</source>
        <translation>បាន​ដក​ចេញ៖ %1</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>ចំណូល</translation>
    </message>
    <message>
        <source>salesperson no. %1</source>
        <translation>អ្នកលក់​លេខ %1</translation>
    </message>
    <message>
        <source>whole shop</source>
        <translation>ហាង​ទាំងមូល</translation>
    </message>
    <message>
        <source>won opportunities</source>
        <translation>ឱកាស​លក់​បាន</translation>
    </message>
    <message>
        <source>Branch file brought in</source>
        <translation>បាន​នាំចូល​ឯកសារ​សាខា</translation>
    </message>
    <message>
        <source>Branch name</source>
        <translation>ឈ្មោះ​សាខា</translation>
    </message>
</context>
<context>
    <name>Holidays</name>
    <message>
        <source>By &amp;last year&apos;s months</source>
        <translation>តាម​ខែ​នៃ​ឆ្នាំ​មុន (&amp;L)</translation>
    </message>
    <message>
        <source>Holidays in %1: %2</source>
        <translation>ថ្ងៃ​បុណ្យ​ក្នុង %1៖ %2</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>%1 rows read: %2 good, %3 with errors.</source>
        <translation>បាន​អាន %1&#xa0;ជួរ៖ ត្រឹមត្រូវ %2&#xa0;ជួរ មាន​កំហុស %3&#xa0;ជួរ។</translation>
    </message>
    <message>
        <source>%1 rows with errors were left out.</source>
        <translation>បាន​ទុកចោល​ជួរ​ដែល​មាន​កំហុស %1&#xa0;ជួរ។</translation>
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
        <translation>នាំចូល​ជួរ​ដែល​ត្រឹមត្រូវ (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>បន្ទាប់ &gt; (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save rejected rows…</source>
        <translation>រក្សាទុក​ជួរ​ដែល​ត្រូវបាន​បដិសេធ… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;What to import:</source>
        <translation>អ្វី​ដែល​ត្រូវ​នាំចូល (&amp;W)៖</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; ថយ​ក្រោយ (&amp;B)</translation>
    </message>
    <message>
        <source>Amount (line total)</source>
        <translation>ទឹកប្រាក់ (សរុប​ជួរ)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>CSV (UTF-8, UTF-16; comma, semicolon or tab), XLSX, or a .gz of a CSV. Nothing is saved until you confirm.</source>
        <translation>CSV (UTF-8, UTF-16; ក្បៀស ចំណុច​ក្បៀស ឬ​ថេប), XLSX ឬ CSV ដែល​បង្ហាប់​ជា .gz។ គ្មាន​អ្វី​ត្រូវបាន​រក្សាទុក​ទេ រហូតដល់​អ្នកបញ្ជាក់។</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>បាន​បោះបង់។ គ្មាន​អ្វី​ត្រូវបាន​នាំចូល​ទេ។</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>មធ្យោបាយ​លក់</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>កំពុង​ពិនិត្យ​គ្រប់​ជួរ…</translation>
    </message>
    <message>
        <source>Choose a column for every required field.</source>
        <translation>សូម​ជ្រើស​ជួរ​ឈរ​មួយ​សម្រាប់​ប្រអប់​ដែល​ត្រូវការ​នីមួយៗ។</translation>
    </message>
    <message>
        <source>Choose the file to import</source>
        <translation>ជ្រើស​ឯកសារ​ដែល​ត្រូវ​នាំចូល</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ថ្ងៃ​បិទ</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ជួរ​ឈរ</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ថ្ងៃ​បង្កើត</translation>
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
        <source>Customer ID</source>
        <translation>លេខ​សម្គាល់​អតិថិជន</translation>
    </message>
    <message>
        <source>Daily total (yes/no)</source>
        <translation>សរុប​ប្រចាំ​ថ្ងៃ (បាទ/ចាស ឬ ទេ)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>ថ្ងៃ​រំពឹង​បិទ​ការលក់</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>នាំចូល</translation>
    </message>
    <message>
        <source>Import the good rows, or cancel, fix the file and import it again (rows already imported are recognised and skipped).</source>
        <translation>នាំចូល​ជួរ​ដែល​ត្រឹមត្រូវ ឬ​បោះបង់ កែ​ឯកសារ ហើយ​នាំចូល​ម្ដង​ទៀត (ជួរ​ដែល​បាន​នាំចូលរួច នឹង​ត្រូវ​រំលង​ដោយ​ស្វ័យប្រវត្តិ)។</translation>
    </message>
    <message>
        <source>Imported %1 rows; %2 were already in the shop.</source>
        <translation>បាន​នាំចូល %1&#xa0;ជួរ។ មាន %2&#xa0;ជួរ​រួចហើយ​នៅក្នុង​ហាង។</translation>
    </message>
    <message>
        <source>Imported %1 sales lines in %2 orders; %3 new customers. %4 orders were already in the shop and were skipped.</source>
        <translation>បាន​នាំចូល​ការលក់ %1&#xa0;ជួរ ក្នុង​ការបញ្ជាទិញ %2 និង​អតិថិជន​ថ្មី %3&#xa0;នាក់។ ការបញ្ជាទិញ %4 មាន​នៅក្នុង​ហាង​រួចហើយ ដូច្នេះ​ត្រូវបាន​រំលង។</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>កំពុង​នាំចូល…</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>អតិថិជន​សក្តានុពល</translation>
    </message>
    <message>
        <source>Lead or customer</source>
        <translation>អតិថិជន​សក្តានុពល ឬ​អតិថិជន</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ជួរ</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់​ឱកាស</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>មូលហេតុ​បាត់​ឱកាស</translation>
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
        <translation>អតិថិជន​ថ្មី</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>កំណត់​ចំណាំ</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>គ្មាន​អ្វី​ត្រូវបាន​នាំចូល​ទេ។</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>គ្មាន​អ្វី​ត្រូវបាន​នាំចូល​ទេ៖ %1</translation>
    </message>
    <message>
        <source>Old .xls workbooks are not supported: save it as .xlsx or CSV.</source>
        <translation>មិន​គាំទ្រ​សៀវភៅ​បញ្ជី .xls ចាស់​ទេ៖ សូម​រក្សាទុក​វា​ជា .xlsx ឬ CSV។</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>កំពុង​តាមដាន</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>ឱកាស​លក់</translation>
    </message>
    <message>
        <source>Order note</source>
        <translation>កំណត់​ចំណាំ​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>លេខ​យោង​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>អ្នក​ទទួលបន្ទុក</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>ទូរស័ព្ទ</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>លទ្ធភាព​លក់​បាន</translation>
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
        <translation>លេខ​វិក្កយបត្រ / លេខ​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>លេខ​យោង</translation>
    </message>
    <message>
        <source>Refund / cancelled mark</source>
        <translation>សញ្ញា​សង​ប្រាក់​វិញ / បោះបង់</translation>
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
        <translation>រក្សាទុក​ជួរ​ដែល​ត្រូវបាន​បដិសេធ</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ប្រភព</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.xlsx *.txt *.tsv *.gz);;All files (*)</source>
        <translation>សៀវភៅ​បញ្ជី (*.csv *.xlsx *.txt *.tsv *.gz);;ឯកសារ​ទាំងអស់ (*)</translation>
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
        <translation>ឯកសារ CSV មាន​ទម្រង់​មិន​ត្រឹមត្រូវ។</translation>
    </message>
    <message>
        <source>The file cannot be read.</source>
        <translation>មិន​អាច​អាន​ឯកសារ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>ឯកសារ​មិន​មាន​ទេ។</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>ឯកសារ​ទទេ។</translation>
    </message>
    <message>
        <source>The first rows as they will be stored:</source>
        <translation>ជួរ​ដំបូងៗ ដូច​ដែល​នឹង​ត្រូវ​រក្សាទុក៖</translation>
    </message>
    <message>
        <source>The mapping names columns the file does not have.</source>
        <translation>ការផ្គូផ្គង​សំដៅ​លើ​ជួរ​ឈរ​ដែល​មិន​មាន​ក្នុង​ឯកសារ។</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>ចំណងជើង</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>តម្លៃ​ឯកតា</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>តម្លៃ</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>លក់​បាន</translation>
    </message>
    <message>
        <source>Won opportunities</source>
        <translation>ឱកាស​លក់​បាន</translation>
    </message>
    <message>
        <source>currency must be USD or KHR</source>
        <translation>រូបិយប័ណ្ណ​ត្រូវតែ​ជា USD ឬ KHR</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>ថ្ងៃ/ខែ/ឆ្នាំ</translation>
    </message>
    <message>
        <source>exchange rate must be above zero</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់​ត្រូវតែ​ធំ​ជាង​សូន្យ</translation>
    </message>
    <message>
        <source>line</source>
        <translation>ជួរ</translation>
    </message>
    <message>
        <source>measure must be revenue, new customers or won opportunities</source>
        <translation>រង្វាស់​ត្រូវតែ​ជា ចំណូល អតិថិជន​ថ្មី ឬ​ឱកាស​លក់​បាន</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>ខែ/ថ្ងៃ/ឆ្នាំ</translation>
    </message>
    <message>
        <source>must be lead or customer</source>
        <translation>ត្រូវតែ​ជា​អតិថិជន​សក្តានុពល ឬ​អតិថិជន</translation>
    </message>
    <message>
        <source>must not be negative</source>
        <translation>មិន​ត្រូវ​អវិជ្ជមាន​ទេ</translation>
    </message>
    <message>
        <source>no such stage</source>
        <translation>គ្មាន​ដំណាក់កាល​នេះ​ទេ</translation>
    </message>
    <message>
        <source>not a date</source>
        <translation>មិន​មែន​ជា​កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>not a month</source>
        <translation>មិន​មែន​ជា​ខែ</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>មិន​មែន​ជា​លេខ</translation>
    </message>
    <message>
        <source>not a whole number</source>
        <translation>មិន​មែន​ជា​លេខ​គត់</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>បញ្ហា</translation>
    </message>
    <message>
        <source>quantity is zero</source>
        <translation>ចំនួន​ស្មើ​សូន្យ</translation>
    </message>
    <message>
        <source>status must be open, won or lost</source>
        <translation>ស្ថានភាព​ត្រូវតែ​ជា កំពុង​តាមដាន លក់​បាន ឬ​បាត់​ឱកាស</translation>
    </message>
    <message>
        <source>value missing</source>
        <translation>គ្មាន​ទិន្នន័យ</translation>
    </message>
    <message>
        <source>— not in the file —</source>
        <translation>— មិន​មាន​ក្នុង​ឯកសារ —</translation>
    </message>
    <message>
        <source>Nothing was imported: importing targets needs the owner&apos;s PIN.</source>
        <translation>មិន​បាន​នាំចូល​អ្វី​ទេ៖ ការនាំចូល​គោលដៅ​ត្រូវការលេខ​សម្ងាត់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>%1 rows are dated after today (the first: %2, line %3); they count in no figure until their day comes. Lines: %4.</source>
        <translation>មាន %1&#xa0;ជួរ ដែល​មាន​កាលបរិច្ឆេទ​ក្រោយ​ថ្ងៃ​នេះ (ទី​មួយ៖ %2&#xa0;ជួរ​ទី&#xa0;%3)៖ វា​មិន​ត្រូវបាន​រាប់​ក្នុង​តួលេខ​ណាមួយ​ទេ រហូតដល់​ថ្ងៃ​នោះ​មកដល់។ ជួរ៖ %4។</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>ពិនិត្យ​ជួរ</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>ជ្រើស​ឯកសារ</translation>
    </message>
    <message>
        <source>Dates like %1 are:</source>
        <translation>កាលបរិច្ឆេទ​ដូចជា %1 គឺ៖</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>រួចរាល់</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>ផ្គូផ្គង​ជួរ​ឈរ</translation>
    </message>
    <message>
        <source>probability must be %1 to %2</source>
        <translation>លទ្ធភាព​លក់​បាន​ត្រូវតែ​ពី %1 ដល់ %2</translation>
    </message>
    <message>
        <source>&amp;Amounts that do not say their currency are:</source>
        <translation>ទឹកប្រាក់​ដែល​មិន​បញ្ជាក់​រូបិយប័ណ្ណ (&amp;A)៖</translation>
    </message>
    <message>
        <source>%1 refunds were taken as returns of their own: their sale is not in the shop, or they give back other items than it sold.</source>
        <translation>ការសង​ប្រាក់​វិញ %1 ត្រូវ​បាន​យក​ជា​ការ​ប្រគល់​ទំនិញ​វិញ​ដាច់​ដោយ​ឡែក៖ ការលក់​របស់​វា​មិន​មាន​ក្នុង​ហាង ឬ​វា​ប្រគល់​ទំនិញ​ផ្សេង​ពី​ទំនិញ​ដែល​បាន​លក់។</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>មិន​ធ្វើ​ការនាំចូល​វិញ (&amp;U)</translation>
    </message>
    <message>
        <source>Some amounts look like dollars (with cents) and others like riel (whole thousands), and nothing in the file says which is which. Choose the column that gives the currency, or say here how to read them.</source>
        <translation>ទឹកប្រាក់​ខ្លះ​មើល​ទៅ​ដូចជា​ដុល្លារ (មាន​សេន) ហើយ​ខ្លះ​ទៀត​ដូចជា​រៀល (គិត​ជា​ពាន់​គត់) តែ​ក្នុង​ឯកសារ​គ្មាន​អ្វី​បញ្ជាក់​ថា​មួយ​ណា​ជា​រូបិយប័ណ្ណ​អ្វី​ទេ។ សូម​ជ្រើស​ជួរ​ឈរ​ដែល​ប្រាប់​រូបិយប័ណ្ណ ឬ​ប្រាប់​នៅ​ទីនេះ​ពី​របៀប​អាន​វា។</translation>
    </message>
    <message>
        <source>Some amounts look like dollars and others like riel, and nothing in the file says which is which.</source>
        <translation>ទឹកប្រាក់​ខ្លះ​មើល​ទៅ​ដូចជា​ដុល្លារ ហើយ​ខ្លះ​ទៀត​ដូចជា​រៀល តែ​ក្នុង​ឯកសារ​គ្មាន​អ្វី​បញ្ជាក់​ថា​មួយ​ណា​ជា​រូបិយប័ណ្ណ​អ្វី​ទេ។</translation>
    </message>
    <message>
        <source>Some amounts look like dollars and others like riel, and nothing in the file says which is which. Go back and choose the currency column, or how to read amounts that do not say their currency.</source>
        <translation>ទឹកប្រាក់​ខ្លះ​មើល​ទៅ​ដូចជា​ដុល្លារ ហើយ​ខ្លះ​ទៀត​ដូចជា​រៀល តែ​ក្នុង​ឯកសារ​គ្មាន​អ្វី​បញ្ជាក់​ថា​មួយ​ណា​ជា​រូបិយប័ណ្ណ​អ្វី​ទេ។ សូម​ថយ​ក្រោយ ហើយ​ជ្រើស​ជួរ​ឈរ​រូបិយប័ណ្ណ ឬ​របៀប​អាន​ទឹកប្រាក់​ដែល​មិន​បញ្ជាក់​រូបិយប័ណ្ណ។</translation>
    </message>
    <message>
        <source>The amounts add up to more than KPI Desk can store.</source>
        <translation>ទឹកប្រាក់​សរុប​ធំ​ជាង​អ្វី​ដែល KPI Desk អាច​រក្សាទុក​បាន។</translation>
    </message>
    <message>
        <source>The column mapping is not valid.</source>
        <translation>ការផ្គូផ្គង​ជួរ​ឈរ​មិន​ត្រឹមត្រូវ​ទេ។</translation>
    </message>
    <message>
        <source>The compressed file is cut short (an incomplete download or copy?).</source>
        <translation>ឯកសារ​បង្ហាប់​ត្រូវបាន​កាត់​ខ្លី (ទាញយក ឬ​ចម្លង​មិន​ទាន់​ចប់?)។</translation>
    </message>
    <message>
        <source>The file has more lines than can be imported at once (blank lines counted): split it into smaller files.</source>
        <translation>ឯកសារ​មាន​ជួរ​ច្រើន​ពេក មិន​អាច​នាំចូល​ក្នុង​ពេល​តែ​មួយ​បាន​ទេ (រាប់​ទាំង​ជួរ​ទទេ)៖ សូម​បំបែក​វា​ជា​ឯកសារ​តូចៗ។</translation>
    </message>
    <message>
        <source>The file is too large to import.</source>
        <translation>ឯកសារ​ធំ​ពេក មិន​អាច​នាំចូល​បាន​ទេ។</translation>
    </message>
    <message>
        <source>The file&apos;s text encoding is not supported (tried %1). Save it from Excel as “%2” and try again.</source>
        <translation>មិន​គាំទ្រ​ការអ៊ិនកូដ​អក្សរ​របស់​ឯកសារ​នេះ​ទេ (បាន​សាក %1)។ សូម​រក្សាទុក​វា​ពី Excel ជា «%2» ហើយ​សាក​ម្តង​ទៀត។</translation>
    </message>
    <message>
        <source>a cell is too long (over %1 KiB)</source>
        <translation>ក្រឡា​មួយ​វែង​ពេក (លើស %1 KiB)</translation>
    </message>
    <message>
        <source>date before %1</source>
        <translation>កាលបរិច្ឆេទ​មុន %1</translation>
    </message>
    <message>
        <source>exchange rate above %1 riel per dollar</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់​លើស %1&#xa0;រៀល​ក្នុង​មួយ​ដុល្លារ</translation>
    </message>
    <message>
        <source>text too long (names %1 characters, notes %2)</source>
        <translation>អក្សរ​វែង​ពេក (ឈ្មោះ %1 តួ​អក្សរ កំណត់​ចំណាំ %2)</translation>
    </message>
    <message>
        <source>the line is too long (over %1 MiB)</source>
        <translation>ជួរ​នេះ​វែង​ពេក (លើស %1 MiB)</translation>
    </message>
    <message>
        <source>Not what you expected? Undo import removes exactly the records this import added (also later with Edit ▸ Undo or File ▸ Import log).</source>
        <translation>មិន​ដូច​ការរំពឹងទុក​មែន​ទេ? «មិន​ធ្វើ​ការនាំចូល​វិញ» លុប​តែ​កំណត់​ត្រា​ដែល​ការនាំចូល​នេះ​បាន​បន្ថែម​ប៉ុណ្ណោះ (អាច​ធ្វើ​ពេល​ក្រោយ​បាន​ដែរ តាម កែសម្រួល ▸ មិន​ធ្វើ​វិញ ឬ ឯកសារ ▸ បញ្ជី​ការនាំចូល)។</translation>
    </message>
    <message>
        <source>This import was undone: nothing it added is left in the shop.</source>
        <translation>ការនាំចូល​នេះ​ត្រូវបាន​ត្រឡប់​វិញ​ហើយ៖ គ្មាន​អ្វី​ដែល​វា​បាន​បន្ថែម នៅសល់​ក្នុង​ហាង​ទេ។</translation>
    </message>
    <message>
        <source>date more than a year after today</source>
        <translation>កាលបរិច្ឆេទ​លើស​ពី​មួយ​ឆ្នាំ​ក្រោយ​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>in US dollars (USD)</source>
        <translation>ជា​ដុល្លារ​អាមេរិក (USD)</translation>
    </message>
    <message>
        <source>in riel (KHR)</source>
        <translation>ជារៀល (KHR)</translation>
    </message>
    <message>
        <source>not a whole number of riel</source>
        <translation>មិន​មែន​ជា​ចំនួន​រៀល​គត់​ទេ</translation>
    </message>
    <message>
        <source>number too large</source>
        <translation>លេខ​ធំ​ពេក</translation>
    </message>
    <message>
        <source>riel from a size up, else dollars</source>
        <translation>ជារៀល ពី​ចំនួន​មួយ​ឡើង​ទៅ ក្រៅពី​នេះ​ជា​ដុល្លារ</translation>
    </message>
    <message>
        <source>riel from:</source>
        <translation>ជារៀល​ចាប់ពី៖</translation>
    </message>
    <message>
        <source>row has fewer columns than the header</source>
        <translation>ជួរ​នេះ​មាន​ជួរ​ឈរ​តិច​ជាង​ក្បាល​តារាង</translation>
    </message>
    <message>
        <source>the amount&apos;s currency differs from the currency column</source>
        <translation>រូបិយប័ណ្ណ​នៃ​ទឹកប្រាក់​ខុសពី​ជួរ​ឈរ​រូបិយប័ណ្ណ</translation>
    </message>
    <message>
        <source>the line is not valid CSV</source>
        <translation>ជួរ​នេះ​មិន​មែន​ជា CSV ត្រឹមត្រូវ​ទេ</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— សូម​ជ្រើស —</translation>
    </message>
    <message>
        <source>Nothing was imported: refunds and amounts below zero need the owner&apos;s PIN.</source>
        <translation>មិន​បាន​នាំចូល​អ្វី​ទេ៖ ការសង​ប្រាក់​វិញ និង​ចំនួន​ទឹកប្រាក់​តិច​ជាង​សូន្យ ត្រូវ​ការ​លេខសម្ងាត់ម្ចាស់ហាង។</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>កំពុង​អាន​ឯកសារ…</translation>
    </message>
    <message>
        <source>a daily total for this day, channel and salesperson is already in the shop or earlier in the file</source>
        <translation>មាន​សរុបប្រចាំថ្ងៃ​សម្រាប់​ថ្ងៃ មធ្យោបាយ​លក់ និង​អ្នកលក់​នេះ​រួច​ហើយ នៅ​ក្នុង​ហាង ឬ​នៅ​ខាង​លើ​ក្នុង​ឯកសារ</translation>
    </message>
</context>
<context>
    <name>ImportsDialog</name>
    <message>
        <source>&amp;Undo import…</source>
        <translation>មិន​ធ្វើ​ការនាំចូល​វិញ… (&amp;U)</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>បាន​បន្ថែម</translation>
    </message>
    <message>
        <source>By</source>
        <translation>ដោយ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Every import made in this shop file, newest first. Undo import removes exactly the records that import added.</source>
        <translation>ការនាំចូល​ទាំងអស់​ដែល​បាន​ធ្វើ​ក្នុង​ឯកសារ​ហាង​នេះ ថ្មី​បំផុត​នៅ​ខាងលើ។ «មិន​ធ្វើ​ការនាំចូល​វិញ» លុប​តែ​កំណត់​ត្រា​ដែល​ការនាំចូល​នោះ​បាន​បន្ថែម​ប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ឯកសារ</translation>
    </message>
    <message>
        <source>Import log</source>
        <translation>បញ្ជី​ការនាំចូល</translation>
    </message>
    <message>
        <source>State</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>What</source>
        <translation>អ្វី</translation>
    </message>
    <message>
        <source>When</source>
        <translation>ពេលណា</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>បន្ទាត់​បញ្ជា</translation>
    </message>
    <message>
        <source>in the shop</source>
        <translation>នៅក្នុង​ហាង</translation>
    </message>
    <message>
        <source>undone %1</source>
        <translation>បាន​ត្រឡប់​វិញ %1</translation>
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
        <translation>ការលក់​មួយ​ត្រូវ​មាន​យ៉ាងហោចណាស់​មួយ​ជួរ។</translation>
    </message>
    <message>
        <source>Choose USD or KHR.</source>
        <translation>សូម​ជ្រើស USD ឬ KHR។</translation>
    </message>
    <message>
        <source>Choose how the call went.</source>
        <translation>សូម​ជ្រើស​លទ្ធផល​នៃ​ការហៅ។</translation>
    </message>
    <message>
        <source>Choose lead or customer.</source>
        <translation>សូម​ជ្រើស អតិថិជន​សក្តានុពល ឬ អតិថិជន។</translation>
    </message>
    <message>
        <source>Choose open, won or lost.</source>
        <translation>សូម​ជ្រើស កំពុង​តាមដាន លក់​បាន ឬ បាត់​ឱកាស។</translation>
    </message>
    <message>
        <source>Choose what kind of day this is.</source>
        <translation>សូម​ជ្រើស​ប្រភេទ​នៃ​ថ្ងៃ​នេះ។</translation>
    </message>
    <message>
        <source>Keep at least one open stage.</source>
        <translation>សូម​ទុក​យ៉ាងហោចណាស់​ដំណាក់កាល​កំពុង​តាមដាន​មួយ។</translation>
    </message>
    <message>
        <source>No product has this name. Choose one from the list, or leave it empty.</source>
        <translation>គ្មាន​ទំនិញ​ណា​មាន​ឈ្មោះ​នេះ​ទេ។ សូម​ជ្រើស​ពី​បញ្ជី ឬ​ទុក​ឱ្យ​ទទេ។</translation>
    </message>
    <message>
        <source>Only a daily total has a number of receipts.</source>
        <translation>មាន​តែ​សរុប​ប្រចាំ​ថ្ងៃ​ទេ ដែល​មាន​ចំនួន​វិក្កយបត្រ។</translation>
    </message>
    <message>
        <source>Riel amounts are whole numbers, without decimals.</source>
        <translation>ទឹកប្រាក់​រៀល​ជា​លេខ​គត់ គ្មាន​ខ្ទង់​ទសភាគ​ទេ។</translation>
    </message>
    <message>
        <source>The PIN is %1 to %2 digits.</source>
        <translation>លេខ​សម្ងាត់​មាន​ពី %1 ដល់ %2&#xa0;ខ្ទង់។</translation>
    </message>
    <message>
        <source>The Won and Lost stages always stay, at the end.</source>
        <translation>ដំណាក់កាល «លក់​បាន» និង «បាត់​ឱកាស» មិន​អាច​ដក​ចេញ​បាន​ទេ ហើយ​នៅ​ខាង​ចុង​ជានិច្ច។</translation>
    </message>
    <message>
        <source>The amount cannot be zero.</source>
        <translation>ទឹកប្រាក់​មិន​អាច​ស្មើ​សូន្យ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>ទឹកប្រាក់​ត្រូវតែ​ធំ​ជាង​សូន្យ។</translation>
    </message>
    <message>
        <source>The discount is more than the price.</source>
        <translation>ការបញ្ចុះ​តម្លៃ លើស​ពី​តម្លៃ​លក់។</translation>
    </message>
    <message>
        <source>The follow-up date is before the call.</source>
        <translation>ថ្ងៃ​ហៅ​ម្ដង​ទៀត​នៅ​មុន​ថ្ងៃ​ហៅ។</translation>
    </message>
    <message>
        <source>The months&apos; shares must be zero or more and add up to more than %1.</source>
        <translation>ចំណែក​របស់​ខែ​នីមួយៗ មិន​អាច​តិច​ជាង​សូន្យ​ទេ ហើយ​បូកសរុប​ត្រូវតែ​លើស​ពី %1។</translation>
    </message>
    <message>
        <source>The quantity cannot be zero.</source>
        <translation>ចំនួន​មិន​អាច​ស្មើ​សូន្យ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>The rate must be a whole number of riel per dollar, more than zero.</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់​ត្រូវតែ​ជា​ចំនួន​រៀល​គត់​ក្នុង​មួយ​ដុល្លារ ធំ​ជាង​សូន្យ។</translation>
    </message>
    <message>
        <source>The value cannot be zero.</source>
        <translation>តម្លៃ​មិន​អាច​ស្មើ​សូន្យ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>The value must be more than zero.</source>
        <translation>តម្លៃ​ត្រូវតែ​ធំ​ជាង​សូន្យ។</translation>
    </message>
    <message>
        <source>This contact has sales: merge it into another contact instead of deleting it.</source>
        <translation>ទំនាក់ទំនង​នេះ​មាន​ការលក់៖ សូម​បញ្ចូល​វា​ទៅក្នុង​ទំនាក់ទំនង​មួយ​ទៀត ជំនួស​ឱ្យ​ការលុប។</translation>
    </message>
    <message>
        <source>This contact no longer exists.</source>
        <translation>ទំនាក់ទំនង​នេះ​លែង​មាន​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>This field is required.</source>
        <translation>ត្រូវ​បំពេញ​ប្រអប់​នេះ។</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>ការនាំចូល​នេះ ត្រូវបាន​ត្រឡប់​វិញ​រួចហើយ។</translation>
    </message>
    <message>
        <source>This is in use and cannot be removed.</source>
        <translation>វា​កំពុង​ប្រើ ហើយ​មិន​អាច​ដក​ចេញ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>This is not a number.</source>
        <translation>នេះ​មិន​មែន​ជា​លេខ​ទេ។</translation>
    </message>
    <message>
        <source>This name is already used.</source>
        <translation>ឈ្មោះ​នេះ​ត្រូវបាន​ប្រើ​រួចហើយ។</translation>
    </message>
    <message>
        <source>This name is in use and cannot be removed.</source>
        <translation>ឈ្មោះ​នេះ​កំពុង​ប្រើ ហើយ​មិន​អាច​ដក​ចេញ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>This period does not exist.</source>
        <translation>រយៈពេល​នេះ​មិន​មាន​ទេ។</translation>
    </message>
    <message>
        <source>This place is not in the list.</source>
        <translation>លំដាប់​នេះ មិន​មាន​នៅក្នុង​បញ្ជី​ទេ។</translation>
    </message>
    <message>
        <source>This record has sales and cannot be deleted.</source>
        <translation>កំណត់ត្រា​នេះ​មាន​ការលក់ ហើយ​មិន​អាច​លុប​បាន​ទេ។</translation>
    </message>
    <message>
        <source>This record no longer exists.</source>
        <translation>កំណត់ត្រា​នេះ​លែង​មាន​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>This sale cannot be refunded.</source>
        <translation>ការលក់​នេះ មិន​អាច​សង​ប្រាក់​វិញ​បាន​ទេ។</translation>
    </message>
    <message>
        <source>This sale no longer exists.</source>
        <translation>ការលក់​នេះ​លែង​មាន​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>This sale was already refunded.</source>
        <translation>ការលក់​នេះ បាន​សង​ប្រាក់​វិញ​រួចហើយ។</translation>
    </message>
    <message>
        <source>This value was refused (%1).</source>
        <translation>តម្លៃ​នេះ​ត្រូវបាន​បដិសេធ (%1)។</translation>
    </message>
    <message>
        <source>Too many decimals for this currency.</source>
        <translation>ខ្ទង់​ទសភាគ​ច្រើន​ពេក​សម្រាប់​រូបិយប័ណ្ណ​នេះ។</translation>
    </message>
    <message>
        <source>Too many decimals.</source>
        <translation>ខ្ទង់​ទសភាគ​ច្រើន​ពេក។</translation>
    </message>
    <message>
        <source>Type an amount.</source>
        <translation>សូម​វាយ​ទឹកប្រាក់។</translation>
    </message>
    <message>
        <source>Type the exchange rate (riel per dollar).</source>
        <translation>សូម​វាយ​អត្រា​ប្តូរ​ប្រាក់ (រៀល​ក្នុង​មួយ​ដុល្លារ)។</translation>
    </message>
    <message>
        <source>Type the time as hours:minutes, e.g. %1.</source>
        <translation>សូម​វាយ​ម៉ោង​ជា ម៉ោង:នាទី ឧ. %1។</translation>
    </message>
    <message>
        <source>Unknown measure.</source>
        <translation>រង្វាស់​មិន​ស្គាល់។</translation>
    </message>
    <message>
        <source>Walk-in (type a name or phone)</source>
        <translation>ភ្ញៀវ​ដើរ​ចូល (វាយ​ឈ្មោះ ឬ​លេខ​ទូរស័ព្ទ)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ថ្ងៃ/ខែ/ឆ្នាំ</translation>
    </message>
    <message>
        <source>The number of receipts is a whole number, zero or more.</source>
        <translation>ចំនួន​វិក្កយបត្រ​ត្រូវ​ជា​ចំនួន​គត់ ពី​សូន្យ​ឡើង​ទៅ។</translation>
    </message>
    <message>
        <source>This day already has a daily total for this channel and salesperson.</source>
        <translation>ថ្ងៃ​នេះ​មាន​សរុប​ប្រចាំ​ថ្ងៃ​សម្រាប់​មធ្យោបាយ​លក់ និង​អ្នកលក់​នេះ​រួចហើយ។</translation>
    </message>
    <message>
        <source>The quantity must be a number, e.g. %1 or %2.</source>
        <translation>ចំនួន​ត្រូវតែ​ជា​លេខ ឧ. %1 ឬ %2។</translation>
    </message>
    <message>
        <source>This date does not exist. Type day/month/year, e.g. %1.</source>
        <translation>កាលបរិច្ឆេទ​នេះ​មិន​មាន​ទេ។ សូម​វាយ ថ្ងៃ/ខែ/ឆ្នាំ ឧ. %1។</translation>
    </message>
    <message>
        <source>This is not an amount. Type digits, e.g. %1.</source>
        <translation>នេះ​មិន​មែន​ជា​ទឹកប្រាក់​ទេ។ សូម​វាយ​ជា​លេខ ឧ. %1។</translation>
    </message>
    <message>
        <source>Type a date, e.g. %1.</source>
        <translation>សូម​វាយ​កាលបរិច្ឆេទ ឧ. %1។</translation>
    </message>
    <message>
        <source>Choose the sale in the table below, or type its receipt no., then press Refund.</source>
        <translation>សូម​ជ្រើសរើស​ការលក់​ក្នុង​តារាង​ខាងក្រោម ឬ​វាយ​លេខ​វិក្កយបត្រ​របស់​វា រួច​ចុច​សង​ប្រាក់​វិញ។</translation>
    </message>
    <message>
        <source>More items come back than this line sold.</source>
        <translation>ចំនួន​ទំនិញ​ដែល​សង​វិញ​លើស​ចំនួន​ដែល​បាន​លក់​ក្នុង​ជួរ​នេះ។</translation>
    </message>
    <message>
        <source>More items come back than are left on this line.</source>
        <translation>ចំនួន​ទំនិញ​ដែល​សង​វិញ​លើស​ចំនួន​ដែល​នៅសល់​ក្នុង​ជួរ​នេះ។</translation>
    </message>
</context>
<context>
    <name>Insight</name>
    <message>
        <source>new customers</source>
        <translation>អតិថិជន​ថ្មី</translation>
    </message>
    <message>
        <source>lost customers</source>
        <translation>អតិថិជន​ដែល​បាត់បង់</translation>
    </message>
    <message>
        <source>returning customers</source>
        <translation>អតិថិជន​ត្រឡប់​មកវិញ</translation>
    </message>
    <message>
        <source>customers who came back</source>
        <translation>អតិថិជន​ដែល​ឈប់​ហើយ​មក​ទិញ​វិញ</translation>
    </message>
    <message>
        <source>walk-in sales</source>
        <translation>ការលក់​ភ្ញៀវ​ដើរ​ចូល</translation>
    </message>
    <message>
        <source>number of orders</source>
        <translation>ចំនួន​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>average order value</source>
        <translation>តម្លៃ​មធ្យម​ក្នុង​មួយ​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>exchange rate</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់</translation>
    </message>
    <message>
        <source>New</source>
        <translation>ថ្មី</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់បង់</translation>
    </message>
    <message>
        <source>Returning</source>
        <translation>ត្រឡប់​មកវិញ</translation>
    </message>
    <message>
        <source>Came back</source>
        <translation>មក​ទិញ​វិញ</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>ភ្ញៀវ​ដើរ​ចូល</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Basket</source>
        <translation>តម្លៃ​មធ្យម</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់</translation>
    </message>
    <message>
        <source>Revenue rose %1 on the month before: %2.</source>
        <translation>ចំណូល​កើនឡើង %1 ធៀប​ខែ​មុន៖ %2។</translation>
    </message>
    <message>
        <source>Revenue fell %1 on the month before: %2.</source>
        <translation>ចំណូល​ធ្លាក់ចុះ %1 ធៀប​ខែ​មុន៖ %2។</translation>
    </message>
    <message>
        <source>Revenue did not change on the month before.</source>
        <translation>ចំណូល​មិន​ប្រែប្រួល​ធៀប​ខែ​មុន​ទេ។</translation>
    </message>
    <message>
        <source>Revenue rose %1 on the same month last year: %2.</source>
        <translation>ចំណូល​កើនឡើង %1 ធៀប​ខែ​ដដែល​ឆ្នាំ​មុន៖ %2។</translation>
    </message>
    <message>
        <source>Revenue fell %1 on the same month last year: %2.</source>
        <translation>ចំណូល​ធ្លាក់ចុះ %1 ធៀប​ខែ​ដដែល​ឆ្នាំ​មុន៖ %2។</translation>
    </message>
    <message>
        <source>Revenue did not change on the same month last year.</source>
        <translation>ចំណូល​មិន​ប្រែប្រួល​ធៀប​ខែ​ដដែល​ឆ្នាំ​មុន​ទេ។</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Of this, the exchange rate made %1.</source>
        <translation>ក្នុង​នោះ អត្រា​ប្តូរ​ប្រាក់​ធ្វើឱ្យ​ប្រែប្រួល %1។</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>មិន​មាន​ទិន្នន័យ</translation>
    </message>
    <message>
        <source>the target is already met</source>
        <translation>បាន​សម្រេច​គោលដៅ​រួចហើយ</translation>
    </message>
    <message>
        <source>almost certain</source>
        <translation>ស្ទើរតែ​ប្រាកដ</translation>
    </message>
    <message>
        <source>very unlikely</source>
        <translation>ពិបាក​ណាស់</translation>
    </message>
    <message>
        <source>about %1 in %2</source>
        <translation>ប្រហែល %1 ក្នុង​ចំណោម %2</translation>
    </message>
    <message>
        <source>Chance of making the target of %1: %2 (%3).</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ​ខែ %1៖ %2 (%3)។</translation>
    </message>
    <message>
        <source>Chance of making this month&apos;s target (%1): %2 (%3).</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ​ខែ​នេះ (%1)៖ %2 (%3)។</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>កម្រៃ​ជើង​សា</translation>
    </message>
    <message>
        <source>Commission earned</source>
        <translation>កម្រៃ​ជើង​សា​ដែល​ទទួលបាន</translation>
    </message>
    <message>
        <source>Month before</source>
        <translation>ខែ​មុន</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>ខែ​នេះ</translation>
    </message>
    <message>
        <source>Why revenue changed on the month before</source>
        <translation>ហេតុ​អ្វី​ចំណូល​ប្រែប្រួល​ធៀប​ខែ​មុន</translation>
    </message>
</context>
<context>
    <name>InsightModels</name>
    <message>
        <source>Customer, product or day</source>
        <translation>អតិថិជន ទំនិញ ឬ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>ការប្រែប្រួល</translation>
    </message>
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
        <translation>ការសម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>Chance of making it</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>កម្រៃ​ជើង​សា</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>រហូតមកដល់​ពេលនេះ</translation>
    </message>
    <message>
        <source>Needed per day</source>
        <translation>ត្រូវការ​ក្នុង​មួយ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Orders per day</source>
        <translation>ការបញ្ជាទិញ​ក្នុង​មួយ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Average order needed</source>
        <translation>តម្លៃ​មធ្យម​ដែល​ត្រូវការ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
    </message>
    <message>
        <source>Proposed target</source>
        <translation>គោលដៅ​ដែល​ស្នើ</translation>
    </message>
    <message>
        <source>Trend alone</source>
        <translation>តាម​និន្នាការ​សុទ្ធ</translation>
    </message>
    <message>
        <source>From</source>
        <translation>ពី</translation>
    </message>
    <message>
        <source>To</source>
        <translation>ដល់</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>ថ្ងៃ</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>ថ្ងៃ​បុណ្យ</translation>
    </message>
    <message>
        <source>The shop</source>
        <translation>ហាង</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>កំណត់​ចំណាំ</translation>
    </message>
</context>
<context>
    <name>InsightTab</name>
    <message>
        <source>Insight</source>
        <translation>ការយល់ដឹង</translation>
    </message>
    <message>
        <source>%1 of simulated ends of the month reach the target of %2, drawing each day left from the same weekday of the last eight weeks (holidays: from last year&apos;s).</source>
        <translation>%1 នៃ​ការសាកល្បង​ចុង​ខែ សម្រេច​គោលដៅ %2 ដោយ​យក​ថ្ងៃ​នីមួយៗ​ដែល​នៅសល់ តាម​ថ្ងៃ​ដូចគ្នា​ក្នុង​សប្ដាហ៍ នៃ​ប្រាំបី​សប្ដាហ៍​ចុងក្រោយ (ថ្ងៃ​បុណ្យ៖ តាម​ឆ្នាំ​មុន)។</translation>
    </message>
    <message>
        <source>%1 open days left</source>
        <translation>នៅសល់​ថ្ងៃ​បើក​លក់ %1&#xa0;ថ្ងៃ</translation>
    </message>
    <message>
        <source>&amp;Accept into the Targets grid</source>
        <translation>យក​ទៅ​ដាក់​ក្នុង​តារាង​គោលដៅ (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Compare with:</source>
        <translation>ប្រៀបធៀប​ជាមួយ (&amp;C)៖</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>ខែ (&amp;M)៖</translation>
    </message>
    <message>
        <source>&amp;Propose next year&apos;s targets…</source>
        <translation>ស្នើ​គោលដៅ​ឆ្នាំ​ក្រោយ (&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reset to the saved target</source>
        <translation>ត្រឡប់​ទៅ​គោលដៅ​ដែល​បាន​រក្សាទុក (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Split by:</source>
        <translation>បែងចែក​តាម (&amp;S)៖</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>គោលដៅ (&amp;T)៖</translation>
    </message>
    <message>
        <source>(no product)</source>
        <translation>(គ្មាន​ទំនិញ)</translation>
    </message>
    <message>
        <source>Accept proposed targets for %1</source>
        <translation>យក​គោលដៅ​ដែល​ស្នើ​សម្រាប់​ឆ្នាំ %1</translation>
    </message>
    <message>
        <source>At-risk customers to win back</source>
        <translation>អតិថិជន​ជិត​បាត់បង់​ដែល​ត្រូវ​ទាក់ទាញ​មកវិញ</translation>
    </message>
    <message>
        <source>Average order at today&apos;s orders per day</source>
        <translation>តម្លៃ​មធ្យម​ដែល​ត្រូវការ តាម​ចំនួន​ការបញ្ជាទិញ​បច្ចុប្បន្ន</translation>
    </message>
    <message>
        <source>Chance of making this month&apos;s revenue target</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ​ចំណូល​ខែ​នេះ</translation>
    </message>
    <message>
        <source>Complete month</source>
        <translation>ខែ​ពេញ</translation>
    </message>
    <message>
        <source>Expected by today %1 · pace %2 · needed per open day %3 (%4 open days left). %5</source>
        <translation>រំពឹង​ដល់​ថ្ងៃ​នេះ %1 · ល្បឿន %2 · ត្រូវការ​ក្នុង​មួយ​ថ្ងៃ​បើក​លក់ %3 (នៅសល់ %4&#xa0;ថ្ងៃ)។ %5</translation>
    </message>
    <message>
        <source>F&amp;or:</source>
        <translation>សម្រាប់ (&amp;O)៖</translation>
    </message>
    <message>
        <source>From the trend of the last twelve months, spread over the year as last year&apos;s months sold. Accepting sets the shop&apos;s revenue target of each month; Edit ▸ Undo takes it back.</source>
        <translation>គណនា​ពី​និន្នាការ​នៃ​ដប់​ពីរ​ខែ​ចុងក្រោយ ហើយ​ចែក​តាម​ការលក់​នៃ​ខែ​នីមួយៗ​កាលពី​ឆ្នាំ​មុន។ ការយក​នេះ​កំណត់​គោលដៅ​ចំណូល​របស់​ហាង​សម្រាប់​ខែ​នីមួយៗ ហើយ​អាច​ត្រឡប់​វិញ​តាម កែសម្រួល ▸ មិន​ធ្វើ​វិញ។</translation>
    </message>
    <message>
        <source>Growth %1 · at a constant exchange rate %2</source>
        <translation>កំណើន %1 · តាម​អត្រា​ប្តូរ​ប្រាក់​មិន​ប្រែប្រួល %2</translation>
    </message>
    <message>
        <source>In progress: day %1 of %2, figures are month to date</source>
        <translation>កំពុង​ដំណើរការ៖ ថ្ងៃទី&#xa0;%1 នៃ %2&#xa0;ថ្ងៃ តួលេខ​គិត​ពី​ដើម​ខែ​ដល់​ថ្ងៃ​នេះ</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Month before</source>
        <translation>ខែ​មុន</translation>
    </message>
    <message>
        <source>No chance to show for this month.</source>
        <translation>មិន​មាន​លទ្ធភាព​សម្រាប់​បង្ហាញ​ក្នុង​ខែ​នេះ​ទេ។</translation>
    </message>
    <message>
        <source>No revenue target is set for this month (Targets tab).</source>
        <translation>មិន​ទាន់​កំណត់​គោលដៅ​ចំណូល​សម្រាប់​ខែ​នេះ​ទេ (ផ្ទាំង​គោលដៅ)។</translation>
    </message>
    <message>
        <source>No sales in either month.</source>
        <translation>គ្មាន​ការលក់​ក្នុង​ខែ​ទាំង​ពីរ​ទេ។</translation>
    </message>
    <message>
        <source>Not enough history yet: the chance needs four weeks of sales.</source>
        <translation>ទិន្នន័យ​ចាស់​មិន​ទាន់​គ្រប់គ្រាន់៖ ការគណនា​លទ្ធភាព​ត្រូវការ​ការលក់​បួន​សប្ដាហ៍។</translation>
    </message>
    <message>
        <source>Not enough history: a proposal needs at least three months of sales.</source>
        <translation>ទិន្នន័យ​ចាស់​មិន​គ្រប់គ្រាន់៖ ការស្នើ​ត្រូវការ​ការលក់​យ៉ាងហោចណាស់​បី​ខែ។</translation>
    </message>
    <message>
        <source>Orders are not counted in one of the two months (a daily total has no receipts count): split by customers instead.</source>
        <translation>ការបញ្ជាទិញ​មិន​ត្រូវបាន​រាប់​ក្នុង​ខែ​មួយ​ក្នុង​ចំណោម​ខែ​ទាំង​ពីរ (សរុប​ប្រចាំ​ថ្ងៃ​មួយ​គ្មាន​ចំនួន​វិក្កយបត្រ)៖ សូម​បែងចែក​តាម​អតិថិជន​វិញ។</translation>
    </message>
    <message>
        <source>Orders per day at today&apos;s basket</source>
        <translation>ការបញ្ជាទិញ​ក្នុង​មួយ​ថ្ងៃ តាម​តម្លៃ​មធ្យម​បច្ចុប្បន្ន</translation>
    </message>
    <message>
        <source>Paced by last year&apos;s days and holidays.</source>
        <translation>ល្បឿន​គិត​តាម​ថ្ងៃ និង​ថ្ងៃ​បុណ្យ​នៃ​ឆ្នាំ​មុន។</translation>
    </message>
    <message>
        <source>Paced evenly over the open days.</source>
        <translation>ល្បឿន​គិត​ស្មើៗ​គ្នា​គ្រប់​ថ្ងៃ​បើក​លក់។</translation>
    </message>
    <message>
        <source>Proposed targets for %1</source>
        <translation>គោលដៅ​ដែល​ស្នើ​សម្រាប់​ឆ្នាំ %1</translation>
    </message>
    <message>
        <source>Revenue needed per day</source>
        <translation>ចំណូល​ត្រូវការ​ក្នុង​មួយ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Shop calen&amp;dar…</source>
        <translation>ប្រតិទិន​ហាង (&amp;D)…</translation>
    </message>
    <message>
        <source>Show &amp;what is behind:</source>
        <translation>បង្ហាញ​មូលហេតុ (&amp;W)៖</translation>
    </message>
    <message>
        <source>The chance is known for the month in progress only.</source>
        <translation>លទ្ធភាព​អាច​គណនា​បាន​តែ​សម្រាប់​ខែ​ដែល​កំពុង​ដំណើរការ​ប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>The month&apos;s target, week by week</source>
        <translation>គោលដៅ​ប្រចាំ​ខែ តាម​សប្ដាហ៍​នីមួយៗ</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>ខែ​នេះ</translation>
    </message>
    <message>
        <source>This month has not started yet</source>
        <translation>ខែ​នេះ​មិន​ទាន់​ចាប់ផ្ដើម​ទេ</translation>
    </message>
    <message>
        <source>This month has not started yet.</source>
        <translation>ខែ​នេះ​មិន​ទាន់​ចាប់ផ្ដើម​ទេ។</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>ឆ្នាំ​នេះ</translation>
    </message>
    <message>
        <source>Try a target here: nothing is saved. Targets are set in the Targets tab.</source>
        <translation>សាកល្បង​គោលដៅ​នៅ​ទីនេះ៖ គ្មាន​អ្វី​ត្រូវបាន​រក្សាទុក​ទេ។ គោលដៅ​កំណត់​នៅ​ផ្ទាំង​គោលដៅ។</translation>
    </message>
    <message>
        <source>What would it take</source>
        <translation>ត្រូវ​ធ្វើ​អ្វី​ខ្លះ</translation>
    </message>
    <message>
        <source>Why it changed</source>
        <translation>ហេតុ​អ្វី​ប្រែប្រួល</translation>
    </message>
    <message>
        <source>Will we make it</source>
        <translation>តើ​នឹង​សម្រេច​ទេ</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>each at their usual monthly revenue</source>
        <translation>ម្នាក់ៗ​តាម​ចំណូល​ប្រចាំ​ខែ​ធម្មតា​របស់​ខ្លួន</translation>
    </message>
    <message>
        <source>next month</source>
        <translation>ខែ​ក្រោយ</translation>
    </message>
    <message>
        <source>orders and basket</source>
        <translation>ការបញ្ជាទិញ និង​តម្លៃ​មធ្យម</translation>
    </message>
    <message>
        <source>the call-back list is not enough</source>
        <translation>បញ្ជី​ត្រូវ​ទូរស័ព្ទ​ទៅ​មិន​គ្រប់គ្រាន់​ទេ</translation>
    </message>
    <message>
        <source>the month before</source>
        <translation>ខែ​មុន</translation>
    </message>
    <message>
        <source>the same month last year</source>
        <translation>ខែ​ដដែល​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>this month</source>
        <translation>ខែ​នេះ</translation>
    </message>
    <message>
        <source>today&apos;s basket %1</source>
        <translation>តម្លៃ​មធ្យម​បច្ចុប្បន្ន %1</translation>
    </message>
    <message>
        <source>today&apos;s orders per day %1</source>
        <translation>ការបញ្ជាទិញ​បច្ចុប្បន្ន​ក្នុង​មួយ​ថ្ងៃ %1</translation>
    </message>
    <message>
        <source>type a target</source>
        <translation>សូម​វាយ​បញ្ចូល​គោលដៅ</translation>
    </message>
</context>
<context>
    <name>LostDialog</name>
    <message>
        <source>Mark as lost</source>
        <translation>កត់​ថា​បាត់​ឱកាស</translation>
    </message>
    <message>
        <source>Why was “%1” lost? Choose a reason or type a new one.</source>
        <translation>ហេតុ​អ្វី​បានជា​បាត់​ឱកាស «%1»? សូម​ជ្រើស​មូលហេតុ ឬ​វាយ​មូលហេតុ​ថ្មី។</translation>
    </message>
    <message>
        <source>Mark lost</source>
        <translation>កត់​ថា​បាត់​ឱកាស</translation>
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
        <translation>%1 មាន​រួចហើយ។ សូម​ជ្រើស​ឈ្មោះ​ផ្សេង ឬ​បើក​វា​តាមរយៈ «បើក​ឯកសារ​ហាង»។</translation>
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
        <translation>នាំចេញ​តារាង​នេះ… (&amp;E)</translation>
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
        <translation>នាំចូល​ពី CSV ឬ Excel… (&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>ភាសា (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;New shop file…</source>
        <translation>ឯកសារ​ហាង​ថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open shop file…</source>
        <translation>បើក​ឯកសារ​ហាង… (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>ចាកចេញ (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើ​វិញ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>មិន​ធ្វើ​វិញ (&amp;U)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>នាំចេញ</translation>
    </message>
    <message>
        <source>Export this table…</source>
        <translation>នាំចេញ​តារាង​នេះ…</translation>
    </message>
    <message>
        <source>Owner &amp;PIN…</source>
        <translation>លេខ​សម្ងាត់​ម្ចាស់​ហាង… (&amp;P)</translation>
    </message>
    <message>
        <source>Save the table you are looking at, as filtered, to CSV or Excel</source>
        <translation>រក្សាទុក​តារាង​ដែល​អ្នក​កំពុង​មើល តាម​ការត្រង​បច្ចុប្បន្ន ជា CSV ឬ Excel</translation>
    </message>
    <message>
        <source>This screen has no table to export.</source>
        <translation>អេក្រង់​នេះ​គ្មាន​តារាង​សម្រាប់​នាំចេញ​ទេ។</translation>
    </message>
    <message>
        <source>KPI Desk shop files (*.db)</source>
        <translation>ឯកសារ​ហាង KPI Desk (*.db)</translation>
    </message>
    <message>
        <source>KPI Desk shop files (*.db);;All files (*)</source>
        <translation>ឯកសារ​ហាង KPI Desk (*.db);;ឯកសារ​ទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>New shop file</source>
        <translation>ឯកសារ​ហាង​ថ្មី</translation>
    </message>
    <message>
        <source>Open &amp;my shop</source>
        <translation>បើក​ហាង​របស់​ខ្ញុំ (&amp;M)</translation>
    </message>
    <message>
        <source>Open shop file</source>
        <translation>បើក​ឯកសារ​ហាង</translation>
    </message>
    <message>
        <source>Open the &amp;demo shop</source>
        <translation>បើក​ហាង​សាកល្បង (&amp;D)</translation>
    </message>
    <message>
        <source>Demo shop: example figures, not your shop. File ▸ Open my shop</source>
        <translation>ហាង​សាកល្បង៖ តួលេខ​ឧទាហរណ៍ មិន​មែន​ហាង​របស់​អ្នកទេ។ ឯកសារ ▸ បើក​ហាង​របស់​ខ្ញុំ</translation>
    </message>
    <message>
        <source>Open my shop</source>
        <translation>បើក​ហាង​របស់​ខ្ញុំ</translation>
    </message>
    <message>
        <source>P&amp;rint the monthly report…</source>
        <translation>បោះពុម្ព​របាយការណ៍​ប្រចាំ​ខែ… (&amp;R)</translation>
    </message>
    <message>
        <source>Change &amp;history…</source>
        <translation>ប្រវត្តិការ​ផ្លាស់ប្ដូរ (&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>ធ្វើ​វិញ %1 (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>មិន​ធ្វើ​វិញ %1 (&amp;U)</translation>
    </message>
    <message>
        <source>Import lo&amp;g…</source>
        <translation>បញ្ជី​ការនាំចូល… (&amp;G)</translation>
    </message>
    <message>
        <source>Add the sales, customers and opportunities of a branch&apos;s shop file (sent by USB stick or Telegram)</source>
        <translation>បន្ថែម​ការលក់ អតិថិជន និង​ឱកាស​លក់​ពី​ឯកសារ​ហាង​របស់​សាខា (ផ្ញើ​តាម USB ឬ Telegram)</translation>
    </message>
    <message>
        <source>Bring in a bran&amp;ch file…</source>
        <translation>នាំចូល​ឯកសារ​សាខា (&amp;C)…</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 ក្នុង %2</translation>
    </message>
    <message>
        <source>%1 on server %2</source>
        <translation>%1 នៅលើ​ម៉ាស៊ីន​មេ %2</translation>
    </message>
    <message>
        <source>A shop kept on a PostgreSQL server, shared by several laptops</source>
        <translation>ហាង​ដែល​រក្សាទុក​នៅលើ​ម៉ាស៊ីន​មេ PostgreSQL ប្រើ​រួមគ្នា​ដោយ​កុំព្យូទ័រ​យួរ​ដៃ​ច្រើន​គ្រឿង</translation>
    </message>
    <message>
        <source>No shops opened yet</source>
        <translation>មិន​ទាន់​បាន​បើក​ហាង​ណាមួយ​នៅឡើយ​ទេ</translation>
    </message>
    <message>
        <source>Open sh&amp;ared shop…</source>
        <translation>បើក​ហាង​ប្រើ​រួមគ្នា… (&amp;A)</translation>
    </message>
    <message>
        <source>Recen&amp;t shops</source>
        <translation>ហាង​បាន​បើក​ថ្មីៗ (&amp;T)</translation>
    </message>
</context>
<context>
    <name>NamedListEditor</name>
    <message>
        <source>(no category)</source>
        <translation>(គ្មាន​ប្រភេទ)</translation>
    </message>
    <message>
        <source>New salesperson&apos;s name</source>
        <translation>ឈ្មោះ​អ្នកលក់​ថ្មី</translation>
    </message>
    <message>
        <source>New category</source>
        <translation>ប្រភេទ​ទំនិញ​ថ្មី</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>ទំនិញ​ថ្មី</translation>
    </message>
    <message>
        <source>New sales channel</source>
        <translation>មធ្យោបាយ​លក់​ថ្មី</translation>
    </message>
    <message>
        <source>New reason</source>
        <translation>មូលហេតុ​ថ្មី</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>បន្ថែម</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>ដក​ចេញ</translation>
    </message>
    <message>
        <source>Double-click a name to rename it.</source>
        <translation>ចុច​ពីរ​ដង​លើ​ឈ្មោះ ដើម្បី​ប្តូរ​ឈ្មោះ។</translation>
    </message>
    <message>
        <source>Double-click a name to rename it. Removing one that has sales only marks it inactive: its sales stay.</source>
        <translation>ចុច​ពីរ​ដង​លើ​ឈ្មោះ ដើម្បី​ប្តូរ​ឈ្មោះ។ ការដក​ចេញ​នូវ​ឈ្មោះ​ដែល​មាន​ការលក់ គ្រាន់តែ​កត់​ថា​ឈប់​ប្រើ​ប៉ុណ្ណោះ៖ ការលក់​របស់​វា​នៅ​ដដែល។</translation>
    </message>
    <message>
        <source>Select a row first.</source>
        <translation>សូម​ជ្រើស​ជួរ​មួយ​សិន។</translation>
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
        <translation>ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>កំពុង​ប្រើ</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>ឈប់​ប្រើ</translation>
    </message>
</context>
<context>
    <name>OpportunitiesModel</name>
    <message>
        <source>Opportunity</source>
        <translation>ឱកាស​លក់</translation>
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
        <translation>លទ្ធភាព​លក់​បាន</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>តាម​លទ្ធភាព</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>អ្នក​ទទួលបន្ទុក</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ថ្ងៃ​បង្កើត</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>ថ្ងៃ​រំពឹង​បិទ​ការលក់</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>ថ្ងៃ​បិទ</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>មូលហេតុ​បាត់​ឱកាស</translation>
    </message>
</context>
<context>
    <name>OpportunityDialog</name>
    <message>
        <source>Edit opportunity</source>
        <translation>កែ​ឱកាស​លក់</translation>
    </message>
    <message>
        <source>New opportunity</source>
        <translation>ឱកាស​លក់​ថ្មី</translation>
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
        <translation>លទ្ធភាព​លក់​បាន (&amp;P)៖</translation>
    </message>
    <message>
        <source>&amp;Expected close:</source>
        <translation>ថ្ងៃ​រំពឹង​បិទ​ការលក់ (&amp;E)៖</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>កំណត់​ចំណាំ (&amp;O)៖</translation>
    </message>
    <message>
        <source>Type part of a name or phone</source>
        <translation>វាយ​ផ្នែក​ខ្លះ​នៃ​ឈ្មោះ ឬ​លេខ​ទូរស័ព្ទ</translation>
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
    <message>
        <source>O&amp;wner:</source>
        <translation>អ្នក​ទទួលបន្ទុក (&amp;W)៖</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ឧ. %1</translation>
    </message>
    <message>
        <source>USD ($)</source>
        <translation>ដុល្លារ ($)</translation>
    </message>
    <message>
        <source>KHR (៛)</source>
        <translation>រៀល (៛)</translation>
    </message>
</context>
<context>
    <name>OpportunityStatus</name>
    <message>
        <source>Open</source>
        <translation>កំពុង​តាមដាន</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>លក់​បាន</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់​ឱកាស</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>&amp;Repeat it:</source>
        <translation>វាយ​ម្ដង​ទៀត (&amp;R)៖</translation>
    </message>
    <message>
        <source>Owner PIN</source>
        <translation>លេខ​សម្ងាត់​ម្ចាស់​ហាង</translation>
    </message>
    <message>
        <source>Remove the PIN</source>
        <translation>ដក​លេខ​សម្ងាត់​ចេញ</translation>
    </message>
    <message>
        <source>That PIN is not right.</source>
        <translation>លេខ​សម្ងាត់​នោះ​មិន​ត្រឹមត្រូវ​ទេ។</translation>
    </message>
    <message>
        <source>The two PINs are not the same.</source>
        <translation>លេខ​សម្ងាត់​ទាំង​ពីរ​មិន​ដូចគ្នា​ទេ។</translation>
    </message>
    <message>
        <source>This needs the owner&apos;s PIN:</source>
        <translation>សកម្មភាព​នេះ​ត្រូវការលេខ​សម្ងាត់​ម្ចាស់​ហាង៖</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 seconds.</source>
        <translation>បញ្ចូល​លេខ​សម្ងាត់​ខុស​ច្រើន​ដង​ពេក។ សូម​ព្យាយាម​ម្ដង​ទៀត​ក្នុង​រយៈពេល %1&#xa0;វិនាទី។</translation>
    </message>
    <message>
        <source>The owner PIN was changed outside KPI Desk. Type the owner&apos;s PIN to put it back.</source>
        <translation>លេខ​សម្ងាត់​ម្ចាស់​ហាង​ត្រូវបាន​កែប្រែ​នៅ​ក្រៅ KPI Desk។ សូម​វាយ​លេខ​សម្ងាត់​ម្ចាស់​ហាង ដើម្បី​ដាក់​វា​វិញ។</translation>
    </message>
    <message>
        <source>With an owner PIN, staff can still enter sales and contacts, correct today&apos;s sales and see every figure. Changing sales of earlier days, refunds, targets and settings, deleting or merging records, restoring backups, exporting, saving or printing reports and the change history ask for the PIN.</source>
        <translation>ពេល​មាន​លេខ​សម្ងាត់​ម្ចាស់​ហាង បុគ្គលិក​នៅតែ​អាច​បញ្ចូល​ការលក់ និង​ទំនាក់ទំនង កែ​ការលក់​ថ្ងៃ​នេះ និង​មើល​តួលេខ​ទាំងអស់​បាន។ ការកែ​ការលក់​នៃ​ថ្ងៃ​មុនៗ ការសង​ប្រាក់​វិញ ការប្ដូរ​គោលដៅ និង​ការកំណត់ ការលុប ឬ​បញ្ចូល​កំណត់ត្រា​ចូល​គ្នា ការស្ដារ​ការបម្រុងទុក ការនាំចេញ ការរក្សាទុក ឬ​បោះពុម្ព​របាយការណ៍ និង​ប្រវត្តិការ​ផ្លាស់ប្ដូរ នឹង​សួរ​រក​លេខ​សម្ងាត់។</translation>
    </message>
    <message>
        <source>Changing or deleting a sale of an earlier day is for the owner.</source>
        <translation>ការកែ ឬ​លុប​ការលក់​នៃ​ថ្ងៃ​មុនៗ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Refunds and amounts below zero are for the owner.</source>
        <translation>ការសង​ប្រាក់​វិញ និង​ទឹកប្រាក់​តិច​ជាង​សូន្យ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Targets are set by the owner.</source>
        <translation>គោលដៅ​ត្រូវ​កំណត់​ដោយ​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Merging contacts is for the owner.</source>
        <translation>ការបញ្ចូល​ទំនាក់ទំនង​ចូល​គ្នា ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>The shop&apos;s settings are changed by the owner.</source>
        <translation>ការកំណត់​របស់​ហាង​ត្រូវ​ប្ដូរ​ដោយ​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Deleting records is for the owner.</source>
        <translation>ការលុប​កំណត់​ត្រា ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>The owner made this change: undoing or redoing it is for the owner too.</source>
        <translation>ម្ចាស់​ហាង​បាន​ធ្វើ​ការផ្លាស់ប្ដូរ​នេះ៖ ការ​មិន​ធ្វើ​វិញ ឬ​ធ្វើ​វិញ ក៏​ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង​ដែរ។</translation>
    </message>
    <message>
        <source>Exporting is for the owner: the files hold customers&apos; names and phone numbers.</source>
        <translation>ការនាំចេញ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង៖ ឯកសារ​មាន​ឈ្មោះ និង​លេខ​ទូរស័ព្ទ​របស់​អតិថិជន។</translation>
    </message>
    <message>
        <source>Saving or printing the report is for the owner: it holds customers&apos; names and phone numbers.</source>
        <translation>ការរក្សាទុក ឬ​បោះពុម្ព​របាយការណ៍ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង៖ វា​មាន​ឈ្មោះ និង​លេខ​ទូរស័ព្ទ​របស់​អតិថិជន។</translation>
    </message>
    <message>
        <source>Importing targets is for the owner.</source>
        <translation>ការនាំចូល​គោលដៅ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Restoring backups and changing how long they are kept is for the owner.</source>
        <translation>ការស្ដារ​ការបម្រុងទុក និង​ការប្ដូរ​រយៈពេល​រក្សាទុក​វា ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>The change history is for the owner.</source>
        <translation>ប្រវត្តិការ​ផ្លាស់ប្ដូរ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Changing the owner PIN needs the current one.</source>
        <translation>ការប្ដូរ​លេខ​សម្ងាត់​ម្ចាស់​ហាង ត្រូវការលេខ​សម្ងាត់​បច្ចុប្បន្ន។</translation>
    </message>
    <message>
        <source>Throwing away a sale that waits to be sent is for the owner.</source>
        <translation>ការបោះបង់​ការលក់​ដែល​កំពុង​រង់ចាំ​ផ្ញើ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>&amp;New PIN (%1 to %2 digits):</source>
        <translation>លេខ​សម្ងាត់​ថ្មី (ពី %1 ដល់ %2&#xa0;ខ្ទង់) (&amp;N)៖</translation>
    </message>
    <message>
        <source>A PIN is %1 to %2 digits.</source>
        <translation>លេខ​សម្ងាត់​មាន​ពី %1 ដល់ %2&#xa0;ខ្ទង់។</translation>
    </message>
    <message>
        <source>Sharing the month&apos;s figures is for the owner.</source>
        <translation>ការចែករំលែក​តួលេខ​ប្រចាំ​ខែ គឺ​សម្រាប់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Bringing in a branch file changes the shop&apos;s figures: it is for the owner.</source>
        <translation>ការនាំចូល​ឯកសារ​សាខា​ផ្លាស់ប្ដូរ​តួលេខ​របស់​ហាង៖ ជា​សិទ្ធិ​របស់​ម្ចាស់​ហាង។</translation>
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
អ្នក​ទទួលបន្ទុក៖ %3</translation>
    </message>
    <message>
        <source>%1 (last %2 days)
%3 cards · %4</source>
        <translation>%1 (%2&#xa0;ថ្ងៃ​ចុងក្រោយ)
កាត %3&#xa0;សន្លឹក · %4</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · %2%
%3 cards · %4</source>
        <translation>%1 · %2%
កាត %3&#xa0;សន្លឹក · %4</translation>
    </message>
    <message>
        <source>(no contact)</source>
        <translation>(គ្មាន​ទំនាក់ទំនង)</translation>
    </message>
    <message>
        <source>Close by %1</source>
        <translation>រំពឹង​បិទ​ត្រឹម %1</translation>
    </message>
    <message>
        <source>Closed %1</source>
        <translation>បាន​បិទ %1</translation>
    </message>
    <message>
        <source>No close date</source>
        <translation>គ្មាន​ថ្ងៃ​បិទ</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>ហួស​កាលកំណត់</translation>
    </message>
    <message>
        <source>Overdue: expected to close by %1</source>
        <translation>ហួស​កាលកំណត់៖ រំពឹង​ថា​នឹង​បិទ​ត្រឹម %1</translation>
    </message>
</context>
<context>
    <name>PipelineTab</name>
    <message>
        <source>Pipeline</source>
        <translation>ឱកាស​លក់</translation>
    </message>
    <message>
        <source>&amp;Board</source>
        <translation>ផ្ទាំង​កាត (&amp;B)</translation>
    </message>
    <message>
        <source>T&amp;able</source>
        <translation>តារាង (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New opportunity…</source>
        <translation>ឱកាស​លក់​ថ្មី… (&amp;N)</translation>
    </message>
    <message>
        <source>Add an opportunity (Ctrl+Shift+O)</source>
        <translation>បន្ថែម​ឱកាស​លក់ (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Mark &amp;won…</source>
        <translation>កត់​ថា​លក់​បាន… (&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Reopen</source>
        <translation>បើក​ឡើងវិញ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>Drag a card to another column, or select it and press Ctrl+Right / Ctrl+Left to move it to the next / previous stage. Cards with a red border are overdue.</source>
        <translation>អូស​កាត​ទៅ​ជួរ​ឈរ​ផ្សេង ឬ​ជ្រើស​វា ហើយ​ចុច Ctrl+Right / Ctrl+Left ដើម្បី​ផ្លាស់​វា​ទៅ​ដំណាក់កាល​បន្ទាប់ / មុន។ កាត​ដែល​មាន​ស៊ុម​ក្រហម គឺ​ហួស​កាលកំណត់។</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>ស្វែងរក (&amp;S)៖</translation>
    </message>
    <message>
        <source>Title or contact</source>
        <translation>ចំណងជើង ឬ​ទំនាក់ទំនង</translation>
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
        <translation>កំពុង​តាមដាន៖ ឱកាស​លក់​ចំនួន %1 តម្លៃ %2 (តាម​លទ្ធភាព %3) · ហួស​កាលកំណត់៖ %4 · អត្រា​លក់​បាន​ខែ​នេះ៖ %5</translation>
    </message>
    <message>
        <source>Mark as won</source>
        <translation>កត់​ថា​លក់​បាន</translation>
    </message>
    <message>
        <source>“%1” is won. Record the sale of %2 today as well?</source>
        <translation>«%1» លក់​បាន​ហើយ។ កត់ត្រា​ការលក់ %2 នៅ​ថ្ងៃ​នេះ​ផងដែរ​ឬ​ទេ?</translation>
    </message>
    <message>
        <source>Won, record the sale</source>
        <translation>លក់​បាន ហើយ​កត់ត្រា​ការលក់</translation>
    </message>
    <message>
        <source>Won only</source>
        <translation>គ្រាន់តែ​កត់​ថា​លក់​បាន</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Delete opportunity</source>
        <translation>លុប​ឱកាស​លក់</translation>
    </message>
    <message>
        <source>Delete the opportunity “%1”? (Edit ▸ Undo brings it back.)</source>
        <translation>លុប​ឱកាស​លក់ «%1» ឬ​ទេ? (អាច​យក​មកវិញ​តាម «កែសម្រួល ▸ មិន​ធ្វើ​វិញ»។)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Add opportunity %1</source>
        <translation>បន្ថែម​ឱកាស​លក់ %1</translation>
    </message>
    <message>
        <source>Edit opportunity %1</source>
        <translation>កែ​ឱកាស​លក់ %1</translation>
    </message>
    <message>
        <source>Move %1 to %2</source>
        <translation>ផ្លាស់ %1 ទៅ %2</translation>
    </message>
    <message>
        <source>Mark %1 won</source>
        <translation>កត់​ថា %1 លក់​បាន</translation>
    </message>
    <message>
        <source>Mark %1 lost</source>
        <translation>កត់​ថា %1 បាត់​ឱកាស</translation>
    </message>
    <message>
        <source>Reopen %1</source>
        <translation>បើក %1 ឡើងវិញ</translation>
    </message>
    <message>
        <source>Delete opportunity %1</source>
        <translation>លុប​ឱកាស​លក់ %1</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>កែ… (&amp;I)</translation>
    </message>
    <message>
        <source>Mark l&amp;ost…</source>
        <translation>កត់​ថា​បាត់​ឱកាស… (&amp;O)</translation>
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
        <translation>ជ្រើស​ទាំងអស់ (&amp;S)</translation>
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
        <translation>មើល​ក្នុង (&amp;L)៖</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>ឈ្មោះ​ឯកសារ (&amp;N)៖</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>ប្រភេទ​ឯកសារ (&amp;T)៖</translation>
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
        <translation>ឯកសារ​ទាំងអស់ (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>ថយ​ក្រោយ</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>ទៅ​មុខ</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>ថត​មេ</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>បង្កើត​ថត​ថ្មី</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>ថត​ថ្មី (&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>ប្តូរ​ឈ្មោះ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>លុប (&amp;D)</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>បង្ហាញ​ជាបញ្ជី</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>បង្ហាញ​លម្អិត</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>បង្ហាញ​ឯកសារ​លាក់ (&amp;H)</translation>
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
        <translation>ថ្ងៃ​កែប្រែ</translation>
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
        <translation>បិទ​ដោយ​មិន​រក្សាទុក</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>មិន​ធ្វើ​វិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើ​វិញ (&amp;R)</translation>
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
        <translation>បិទ​ភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើស​ទាំងអស់</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>បង្ហាញ​ព័ត៌មាន​លម្អិត...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>លាក់​ព័ត៌មាន​លម្អិត...</translation>
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
        <translation>រក្សាទុក​ទាំងអស់</translation>
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
        <translation>ព្យាយាម​ម្ដង​ទៀត</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>មិន​អើពើ</translation>
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
        <translation>កំណត់​ឡើងវិញ</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>ស្ដារ​លំនាំដើម</translation>
    </message>
</context>
<context>
    <name>QPrintPreviewDialog</name>
    <message>
        <source>Print Preview</source>
        <translation>មើល​មុន​បោះពុម្ព</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>បោះពុម្ព</translation>
    </message>
    <message>
        <source>Page setup</source>
        <translation>រៀបចំ​ទំព័រ</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>ទំព័រ​បន្ទាប់</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>ទំព័រ​មុន</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>ទំព័រ​ដំបូង</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>ទំព័រ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>ឱ្យ​សម​ទទឹង</translation>
    </message>
    <message>
        <source>Fit page</source>
        <translation>ឱ្យ​សម​ទំព័រ</translation>
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
        <translation>ផ្ដេក</translation>
    </message>
    <message>
        <source>Show single page</source>
        <translation>បង្ហាញ​មួយ​ទំព័រ</translation>
    </message>
    <message>
        <source>Show facing pages</source>
        <translation>បង្ហាញ​ពីរ​ទំព័រ​ទល់​មុខ</translation>
    </message>
    <message>
        <source>Show overview of all pages</source>
        <translation>បង្ហាញ​ទំព័រ​ទាំងអស់</translation>
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
        <translation>មិន​ធ្វើ​វិញ (&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ធ្វើ​វិញ (&amp;R)</translation>
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
        <translation>បិទ​ភ្ជាប់ (&amp;P)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>ជ្រើស​ទាំងអស់</translation>
    </message>
</context>
<context>
    <name>ReceiptSettings</name>
    <message>
        <source>Payment method</source>
        <translation>វិធី​បង់ប្រាក់</translation>
    </message>
    <message>
        <source>Shown in the receipt form</source>
        <translation>បង្ហាញ​ក្នុង​ទម្រង់​វិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>តម្លៃ​រាយ</translation>
    </message>
    <message>
        <source>Unit cost</source>
        <translation>ថ្លៃ​ដើម</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>វិធី​បង់ប្រាក់</translation>
    </message>
    <message>
        <source>Prices and costs</source>
        <translation>តម្លៃ និង​ថ្លៃ​ដើម</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>បន្ថែម</translation>
    </message>
    <message>
        <source>Hide / show</source>
        <translation>លាក់ / បង្ហាញ</translation>
    </message>
    <message>
        <source>Name of a payment method</source>
        <translation>ឈ្មោះ​វិធី​បង់ប្រាក់</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>ប្ដូរ​ឈ្មោះ</translation>
    </message>
    <message>
        <source>Save price</source>
        <translation>រក្សាទុក​តម្លៃ</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ទេ</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>បាទ/ចាស</translation>
    </message>
</context>
<context>
    <name>RecordErrors</name>
    <message>
        <source>Choose an open stage.</source>
        <translation>សូម​ជ្រើស​ដំណាក់កាល​កំពុង​តាមដាន។</translation>
    </message>
    <message>
        <source>Choose two different contacts.</source>
        <translation>សូម​ជ្រើស​ទំនាក់ទំនង​ពីរ​ផ្សេង​គ្នា។</translation>
    </message>
    <message>
        <source>Enter an amount of zero or more.</source>
        <translation>សូម​បញ្ចូល​ទឹកប្រាក់​ចាប់ពី​សូន្យ​ឡើង​ទៅ។</translation>
    </message>
    <message>
        <source>This opportunity is already closed.</source>
        <translation>ឱកាស​លក់​នេះ​បាន​បិទ​រួចហើយ។</translation>
    </message>
    <message>
        <source>This opportunity is still open.</source>
        <translation>ឱកាស​លក់​នេះ​នៅ​កំពុង​តាមដាន។</translation>
    </message>
    <message>
        <source>The probability must be between %1 and %2.</source>
        <translation>លទ្ធភាព​លក់​បាន​ត្រូវតែ​នៅ​ចន្លោះ %1 និង %2។</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Not saved: %1</source>
        <translation>មិន​បាន​រក្សាទុក៖ %1</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>សង​ប្រាក់​វិញ</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation>សង​ប្រាក់​វិញ %1</translation>
    </message>
    <message>
        <source>%1 × %2 = %3</source>
        <translation>%1 × %2 = %3</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>សង​ប្រាក់​វិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Back to the customer: %1 = %2</source>
        <translation>ប្រគល់​ឱ្យ​អតិថិជន​វិញ៖ %1 = %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Items back</source>
        <translation>ចំនួន​សង​វិញ</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ជួរ</translation>
    </message>
    <message>
        <source>Sale of %1: how many items of each line come back? %2 leaves a line out.</source>
        <translation>ការលក់​ថ្ងៃ %1៖ ទំនិញ​ប៉ុន្មាន​ក្នុង​ជួរ​នីមួយៗ​ដែល​ត្រូវ​សង​វិញ? %2 មិន​សង​ជួរ​នោះ​ទេ។</translation>
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
        <translation>តម្លៃ​ឱកាស​លក់​កំពុង​តាមដាន</translation>
    </message>
    <message>
        <source>Weighted by probability</source>
        <translation>តាម​លទ្ធភាព​លក់​បាន</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>ការសម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>តម្លៃ​មធ្យម​ក្នុង​មួយ​ការបញ្ជាទិញ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទ​ទំនិញ</translation>
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
        <translation>ការរក្សា​អតិថិជន</translation>
    </message>
    <message>
        <source>Customer retention rate (CRR)</source>
        <translation>អត្រា​រក្សា​អតិថិជន (CRR)</translation>
    </message>
    <message>
        <source>Customers to call back</source>
        <translation>អតិថិជន​ដែល​ត្រូវ​ទូរស័ព្ទ​ទៅ</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>ចំនួន​ថ្ងៃ​តាំងពី​ទិញ</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>តួលេខ</translation>
    </message>
    <message>
        <source>Good customers who have not come back for much longer than usual, as of %1.</source>
        <translation>អតិថិជន​ល្អ​ដែល​មិន​បាន​ត្រឡប់​មកវិញ​យូរ​ជាង​ធម្មតា​ច្រើន គិត​ត្រឹម %1។</translation>
    </message>
    <message>
        <source>Growth on the month before</source>
        <translation>កំណើន​ធៀប​ខែ​មុន</translation>
    </message>
    <message>
        <source>Growth on the same month last year</source>
        <translation>កំណើន​ធៀប​ខែ​ដដែល​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>តួលេខ​សំខាន់ៗ</translation>
    </message>
    <message>
        <source>Khmer riel (៛)</source>
        <translation>ប្រាក់​រៀល (៛)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>ភាសា</translation>
    </message>
    <message>
        <source>Last purchase</source>
        <translation>ថ្ងៃ​ទិញ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Lead conversion</source>
        <translation>អត្រា​បំប្លែង​អតិថិជន​សក្តានុពល</translation>
    </message>
    <message>
        <source>Month before</source>
        <translation>ខែ​មុន</translation>
    </message>
    <message>
        <source>Monthly sales report</source>
        <translation>របាយការណ៍​លក់​ប្រចាំ​ខែ</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>អតិថិជន​ថ្មី</translation>
    </message>
    <message>
        <source>No customer is at risk this month.</source>
        <translation>ខែ​នេះ​គ្មាន​អតិថិជន​ជិត​បាត់បង់​ទេ។</translation>
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
        <translation>ឱកាស​លក់​តាម​ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>ថ្ងៃ​បោះពុម្ព</translation>
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
        <translation>អត្រា​ទិញ​ឡើងវិញ</translation>
    </message>
    <message>
        <source>Revenue forecast for next month</source>
        <translation>ការព្យាករណ៍​ចំណូល​សម្រាប់​ខែ​ក្រោយ</translation>
    </message>
    <message>
        <source>Revenue target</source>
        <translation>គោលដៅ​ចំណូល</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Same month last year</source>
        <translation>ខែ​ដដែល​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Shop</source>
        <translation>ហាង</translation>
    </message>
    <message>
        <source>Target attainment</source>
        <translation>ការសម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>The %1 with the highest revenue of %2 customers at risk; the Dashboard shows them all.</source>
        <translation>អតិថិជន %1&#xa0;នាក់​ដែល​ផ្ដល់​ចំណូល​ច្រើន​ជាង​គេ ក្នុង​ចំណោម​អតិថិជន​ជិត​បាត់បង់ %2&#xa0;នាក់។ ផ្ទាំង​សង្ខេប​បង្ហាញ​ទាំងអស់។</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>ខែ​នេះ</translation>
    </message>
    <message>
        <source>US dollar ($)</source>
        <translation>ដុល្លារ​អាមេរិក ($)</translation>
    </message>
    <message>
        <source>Usual gap (days)</source>
        <translation>គម្លាត​ធម្មតា (ថ្ងៃ)</translation>
    </message>
    <message>
        <source>Weighted pipeline</source>
        <translation>តម្លៃ​ឱកាស​លក់​តាម​លទ្ធភាព</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>ហាង​ទាំងមូល</translation>
    </message>
    <message>
        <source>Win rate</source>
        <translation>អត្រា​លក់​បាន</translation>
    </message>
    <message>
        <source>month to date, up to %1</source>
        <translation>ពី​ដើម​ខែ រហូតដល់ %1</translation>
    </message>
    <message>
        <source>(no product)</source>
        <translation>(គ្មាន​ទំនិញ)</translation>
    </message>
    <message>
        <source>Loyal customers (orders in the last %1 days)</source>
        <translation>អតិថិជន​ប្រចាំ (ការបញ្ជាទិញ​ក្នុង %1&#xa0;ថ្ងៃ​ចុងក្រោយ)</translation>
    </message>
    <message>
        <source>Orders and average order value are not available: a daily total of this month has no receipts count.</source>
        <translation>មិន​អាច​គណនា​ចំនួន​ការបញ្ជាទិញ និង​តម្លៃ​មធ្យម​ក្នុង​មួយ​ការបញ្ជាទិញ​បាន​ទេ៖ សរុប​ប្រចាំ​ថ្ងៃ​មួយ​នៃ​ខែ​នេះ​គ្មាន​ចំនួន​វិក្កយបត្រ។</translation>
    </message>
    <message>
        <source>Revenue and target, last %1 months</source>
        <translation>ចំណូល និង​គោលដៅ %1&#xa0;ខែ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Revenue, last %1 days</source>
        <translation>ចំណូល %1&#xa0;ថ្ងៃ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>Top %1 customers</source>
        <translation>អតិថិជន​កំពូល %1&#xa0;នាក់</translation>
    </message>
    <message>
        <source>Top %1 products</source>
        <translation>ទំនិញ​លក់​ដាច់​ជាង​គេ %1&#xa0;មុខ</translation>
    </message>
    <message>
        <source>Call-backs: customers won back</source>
        <translation>ការហៅ​ទៅ​វិញ៖ អតិថិជន​ដែល​ទាញ​មកវិញ​បាន</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>បាន​ហៅ</translation>
    </message>
    <message>
        <source>Check the data: %1 entries look wrong this month</source>
        <translation>ពិនិត្យ​ទិន្នន័យ៖ ទិន្នន័យ %1 ក្នុង​ខែ​នេះ​មើល​ទៅ​ខុស</translation>
    </message>
    <message>
        <source>Data checked: nothing looks wrong this month.</source>
        <translation>បាន​ពិនិត្យ​ទិន្នន័យ៖ គ្មាន​អ្វី​មើល​ទៅ​ខុស​ក្នុង​ខែ​នេះ​ទេ។</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Last call</source>
        <translation>ការហៅ​ចុងក្រោយ</translation>
    </message>
    <message>
        <source>No customer at risk was called this month.</source>
        <translation>ខែ​នេះ​មិន​បាន​ហៅ​អតិថិជន​ជិត​បាត់បង់​ណាមួយ​ទេ។</translation>
    </message>
    <message>
        <source>Recovered revenue</source>
        <translation>ចំណូល​ដែល​បាន​មកវិញ</translation>
    </message>
    <message>
        <source>The first %1; the Dashboard shows them all.</source>
        <translation>%1 ដំបូង · ផ្ទាំង​សង្ខេប​បង្ហាញ​ទាំងអស់។</translation>
    </message>
    <message>
        <source>What looks wrong</source>
        <translation>អ្វី​ដែល​មើល​ទៅ​ខុស</translation>
    </message>
    <message>
        <source>Win-back rate</source>
        <translation>អត្រា​ទាញ​អតិថិជន​មកវិញ</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>ទាញ​មកវិញ​បាន</translation>
    </message>
    <message>
        <source>(no salesperson)</source>
        <translation>(គ្មាន​អ្នកលក់)</translation>
    </message>
    <message>
        <source>At-risk customers called this month; won back: bought within %1 days of the call.</source>
        <translation>អតិថិជន​ជិត​បាត់បង់​ដែល​បាន​ហៅ​ក្នុង​ខែ​នេះ · ទាញ​មកវិញ​បាន៖ បាន​មក​ទិញ​ក្នុង​រយៈពេល %1&#xa0;ថ្ងៃ​ក្រោយ​ការហៅ។</translation>
    </message>
    <message>
        <source>Provisional: the %1 days after some calls are not over yet.</source>
        <translation>បណ្ដោះអាសន្ន៖ រយៈពេល %1&#xa0;ថ្ងៃ​ក្រោយ​ការហៅ​ខ្លះ មិន​ទាន់​ចប់​នៅឡើយ។</translation>
    </message>
    <message>
        <source>† The month is in progress and counted up to today; figures marked † count the month before, and the same month last year, up to the same day of the month (the month before: up to %1).</source>
        <translation>† ខែ​នេះ​មិន​ទាន់​ចប់ ហើយ​គិត​ត្រឹម​ថ្ងៃ​នេះ។ តួលេខ​ដែល​មាន​សញ្ញា † គិត​ខែ​មុន និង​ខែ​ដដែល​ឆ្នាំ​មុន ត្រឹម​ថ្ងៃ​ដដែល​នៃ​ខែ (ខែ​មុន៖ ត្រឹម %1)។</translation>
    </message>
    <message>
        <source>Gross margin</source>
        <translation>អត្រា​ចំណេញ</translation>
    </message>
    <message>
        <source>Gross profit</source>
        <translation>ប្រាក់​ចំណេញ​ដុល</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>វិធី​បង់ប្រាក់</translation>
    </message>
    <message>
        <source>Revenue by category</source>
        <translation>ចំណូល​តាម​ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>Revenue by payment method</source>
        <translation>ចំណូល​តាម​វិធី​បង់ប្រាក់</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>ចំណែក</translation>
    </message>
    <message>
        <source>(no category)</source>
        <translation>(គ្មាន​ប្រភេទ​ទំនិញ)</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(មិន​បាន​កត់ត្រា)</translation>
    </message>
    <message>
        <source>Branch</source>
        <translation>សាខា</translation>
    </message>
    <message>
        <source>Revenue by branch</source>
        <translation>ចំណូល​តាម​សាខា</translation>
    </message>
    <message>
        <source>(this shop)</source>
        <translation>(ហាង​នេះ)</translation>
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
        <source>&amp;Currency:</source>
        <translation>រូបិយប័ណ្ណ (&amp;C)៖</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>បោះពុម្ព… (&amp;P)</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>មើល​មុន​បោះពុម្ព… (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>រក្សាទុក​ជា PDF… (&amp;S)</translation>
    </message>
    <message>
        <source>Print the report on a printer (Ctrl+P)</source>
        <translation>បោះពុម្ព​របាយការណ៍​លើ​ម៉ាស៊ីន​បោះពុម្ព (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save the report as a PDF file to send or keep</source>
        <translation>រក្សាទុក​របាយការណ៍​ជា​ឯកសារ PDF ដើម្បី​ផ្ញើ ឬ​រក្សាទុក</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>កំពុង​រៀបចំ​របាយការណ៍…</translation>
    </message>
    <message>
        <source>%1 pages</source>
        <translation>%1&#xa0;ទំព័រ</translation>
    </message>
    <message>
        <source>The report could not be prepared: %1</source>
        <translation>មិន​អាច​រៀបចំ​របាយការណ៍​បាន​ទេ៖ %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>រក្សាទុក​របាយការណ៍​ជា PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>ឯកសារ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>មិន​បាន​រក្សាទុក</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>មិន​អាច​សរសេរ PDF បាន​ទេ៖ %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>បាន​រក្សាទុក %1</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>ភាសា (&amp;G)៖</translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation>ក្រដាស (&amp;A)៖</translation>
    </message>
    <message>
        <source>See the pages as they will be printed</source>
        <translation>មើល​ទំព័រ​ដូច​ដែល​នឹង​បោះពុម្ព</translation>
    </message>
    <message>
        <source>One page</source>
        <translation>មួយ​ទំព័រ</translation>
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
        <source>Letter</source>
        <translation>ក្រដាស Letter</translation>
    </message>
    <message>
        <source>&amp;Branch:</source>
        <translation>សាខា (&amp;B)៖</translation>
    </message>
    <message>
        <source>All branches</source>
        <translation>សាខា​ទាំងអស់</translation>
    </message>
</context>
<context>
    <name>SaleReceipt</name>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>ចំនួន</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>តម្លៃ​រាយ</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>បញ្ចុះ​តម្លៃ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>ទឹកប្រាក់</translation>
    </message>
    <message>
        <source>&amp;Given in dollars</source>
        <translation>ទទួល​ជា​ដុល្លារ (&amp;G)</translation>
    </message>
    <message>
        <source>Change %1 (or %2)</source>
        <translation>ប្រាក់​អាប់ %1 (ឬ %2)</translation>
    </message>
    <message>
        <source>Enter adds the line · Delete removes the chosen line · Ctrl+Enter saves the receipt</source>
        <translation>Enter បន្ថែម​ជួរ · Delete លុប​ជួរ​ដែល​បាន​ជ្រើស · Ctrl+Enter រក្សាទុក​វិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Gi&amp;ven in riel</source>
        <translation>ទទួល​ជា​រៀល (&amp;V)</translation>
    </message>
    <message>
        <source>Still to pay %1</source>
        <translation>នៅ​ខ្វះ %1</translation>
    </message>
    <message>
        <source>Total %1 = %2</source>
        <translation>សរុប %1 = %2</translation>
    </message>
    <message>
        <source>Enter saves the changed receipt · Delete removes the chosen line · Esc cancels the change</source>
        <translation>Enter រក្សាទុក​វិក្កយបត្រ​ដែល​បាន​កែ · Delete លុប​ជួរ​ដែល​បាន​ជ្រើស · Esc បោះបង់​ការ​កែ</translation>
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
        <translation>អតិថិជន (ឈ្មោះ ឬ​ទូរស័ព្ទ) (&amp;U)</translation>
    </message>
    <message>
        <source>Sales&amp;person</source>
        <translation>អ្នកលក់ (&amp;P)</translation>
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
        <source>Cancel edit (Esc)</source>
        <translation>បោះបង់​ការកែ (Esc)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>ស្រេចចិត្ត</translation>
    </message>
    <message>
        <source>type to search</source>
        <translation>វាយ​ដើម្បី​ស្វែងរក</translation>
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
        <source>Search customer, phone, product, receipt</source>
        <translation>ស្វែងរក​អតិថិជន ទូរស័ព្ទ ទំនិញ វិក្កយបត្រ</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>កែ…</translation>
    </message>
    <message>
        <source>Open the selected sale in the form (Enter)</source>
        <translation>បើក​ការលក់​ដែល​បាន​ជ្រើស​ក្នុង​ទម្រង់ (Enter)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>លុប</translation>
    </message>
    <message>
        <source>Delete the selected sales (Delete key)</source>
        <translation>លុប​ការលក់​ដែល​បាន​ជ្រើស (គ្រាប់​ចុច Delete)</translation>
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
        <translation>កែ​ការលក់ %1</translation>
    </message>
    <message>
        <source>Edit sale</source>
        <translation>កែ​ការលក់</translation>
    </message>
    <message>
        <source>New daily total</source>
        <translation>សរុប​ប្រចាំ​ថ្ងៃ​ថ្មី</translation>
    </message>
    <message>
        <source>New sale</source>
        <translation>ការលក់​ថ្មី</translation>
    </message>
    <message>
        <source>— none —</source>
        <translation>— គ្មាន —</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>អ្នកលក់​ទាំងអស់</translation>
    </message>
    <message>
        <source>No salesperson</source>
        <translation>គ្មាន​អ្នកលក់</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>គ្រប់​កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>From – to…</source>
        <translation>ពី – ដល់…</translation>
    </message>
    <message>
        <source>New customer: will be added when you save</source>
        <translation>អតិថិជន​ថ្មី៖ នឹង​ត្រូវ​បន្ថែម​ពេល​អ្នក​រក្សាទុក</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>មិន​បាន​រក្សាទុក៖ %1</translation>
    </message>
    <message>
        <source>Saved the change (%1). Ctrl+Z undoes it.</source>
        <translation>បាន​រក្សាទុក​ការកែប្រែ (%1)។ ចុច Ctrl+Z ដើម្បី​ត្រឡប់​វិញ។</translation>
    </message>
    <message>
        <source>Saved %1. Ctrl+Z undoes it.</source>
        <translation>បាន​រក្សាទុក %1។ ចុច Ctrl+Z ដើម្បី​ត្រឡប់​វិញ។</translation>
    </message>
    <message>
        <source>Date in the future</source>
        <translation>កាលបរិច្ឆេទ​នៅ​ថ្ងៃ​អនាគត</translation>
    </message>
    <message>
        <source>%1 is in the future. Save this sale with that date?</source>
        <translation>%1 ជា​ថ្ងៃ​អនាគត។ រក្សាទុក​ការលក់​នេះ​ជាមួយ​កាលបរិច្ឆេទ​នោះ​ឬ​ទេ?</translation>
    </message>
    <message>
        <source>Not deleted: %1</source>
        <translation>មិន​បាន​លុប៖ %1</translation>
    </message>
    <message>
        <source>Deleted. Ctrl+Z brings it back.</source>
        <translation>បាន​លុប។ ចុច Ctrl+Z ដើម្បី​យក​វា​មកវិញ។</translation>
    </message>
    <message>
        <source>Delete this sale (all its lines)?</source>
        <translation>លុប​ការលក់​នេះ (គ្រប់​ជួរ​របស់​វា) ឬ​ទេ?</translation>
    </message>
    <message>
        <source>Delete these %1 sales?</source>
        <translation>លុប​ការលក់​ទាំង %1 នេះ​ឬ​ទេ?</translation>
    </message>
    <message>
        <source>%1 lines found</source>
        <translation>រកឃើញ %1&#xa0;ជួរ</translation>
    </message>
    <message>
        <source>%1+ lines found</source>
        <translation>រកឃើញ %1+ ជួរ</translation>
    </message>
    <message>
        <source>%1 lines · %2</source>
        <translation>%1&#xa0;ជួរ · %2</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>មធ្យោបាយ​លក់ (&amp;C)</translation>
    </message>
    <message>
        <source>P&amp;roduct</source>
        <translation>ទំនិញ (&amp;R)</translation>
    </message>
    <message>
        <source>Currenc&amp;y</source>
        <translation>រូបិយប័ណ្ណ (&amp;Y)</translation>
    </message>
    <message>
        <source>Rece&amp;ipt no.</source>
        <translation>លេខ​វិក្កយបត្រ (&amp;I)</translation>
    </message>
    <message>
        <source>Rece&amp;ipts that day</source>
        <translation>ចំនួន​វិក្កយបត្រ​ថ្ងៃ​នោះ (&amp;I)</translation>
    </message>
    <message>
        <source>Daily totals (&amp;without each receipt)</source>
        <translation>សរុប​ប្រចាំ​ថ្ងៃ (មិន​បញ្ចូល​វិក្កយបត្រ​នីមួយៗ) (&amp;W)</translation>
    </message>
    <message>
        <source>For shops that do not enter each receipt: one total per day, channel and salesperson, with the number of receipts that day if you know it. Saving again for the same day, channel and salesperson replaces that total (you are asked first).</source>
        <translation>សម្រាប់​ហាង​ដែល​មិន​បញ្ចូល​វិក្កយបត្រ​នីមួយៗ៖ សរុប​មួយ​ក្នុង​មួយ​ថ្ងៃ មធ្យោបាយ​លក់ និង​អ្នកលក់ ព្រមទាំង​ចំនួន​វិក្កយបត្រ​ថ្ងៃ​នោះ ប្រសិនបើ​អ្នក​ដឹង។ ការរក្សាទុក​ម្តង​ទៀត​សម្រាប់​ថ្ងៃ មធ្យោបាយ​លក់ និង​អ្នកលក់​ដដែល នឹង​ជំនួស​សរុប​នោះ (កម្មវិធី​សួរ​អ្នក​ជាមុន​សិន)។</translation>
    </message>
    <message>
        <source>How many receipts (customers served) the total is made of. Without it, orders and average order value of the month are not available.</source>
        <translation>ចំនួន​វិក្កយបត្រ (អតិថិជន​ដែល​បាន​បម្រើ) ដែល​បង្កើត​ជា​សរុប​នេះ។ បើ​គ្មាន​វា​ទេ ចំនួន​ការបញ្ជាទិញ និង​តម្លៃ​មធ្យម​ក្នុង​មួយ​ការបញ្ជាទិញ​នៃ​ខែ មិន​អាច​គណនា​បាន​ទេ។</translation>
    </message>
    <message>
        <source>Sold &amp;by:</source>
        <translation>លក់​ដោយ (&amp;B)៖</translation>
    </message>
    <message>
        <source>Replace daily total with %1</source>
        <translation>ជំនួស​សរុប​ប្រចាំ​ថ្ងៃ​ដោយ %1</translation>
    </message>
    <message>
        <source>Add daily total %1</source>
        <translation>បន្ថែម​សរុប​ប្រចាំ​ថ្ងៃ %1</translation>
    </message>
    <message>
        <source>Add sale %1</source>
        <translation>បន្ថែម​ការលក់ %1</translation>
    </message>
    <message>
        <source>The daily total of %1 for this channel and salesperson is already %2. Replace it with %3?</source>
        <translation>សរុប​ប្រចាំ​ថ្ងៃ %1 សម្រាប់​មធ្យោបាយ​លក់ និង​អ្នកលក់​នេះ មាន​រួចហើយ គឺ %2។ ជំនួស​វា​ដោយ %3 ឬ​ទេ?</translation>
    </message>
    <message>
        <source>It was made of %1 receipts.</source>
        <translation>វា​មាន​វិក្កយបត្រ​ចំនួន %1។</translation>
    </message>
    <message>
        <source>Replace the daily total?</source>
        <translation>ជំនួស​សរុប​ប្រចាំ​ថ្ងៃ​ឬ?</translation>
    </message>
    <message>
        <source>Undone: %1. Ctrl+Y does it again.</source>
        <translation>បាន​មិន​ធ្វើ​វិញ៖ %1។ ចុច Ctrl+Y ដើម្បី​ធ្វើ​វិញ។</translation>
    </message>
    <message>
        <source>Redone: %1.</source>
        <translation>បាន​ធ្វើ​វិញ៖ %1។</translation>
    </message>
    <message>
        <source>Not saved: changing a sale of an earlier day needs the owner&apos;s PIN.</source>
        <translation>មិន​បាន​រក្សាទុក៖ ការកែ​ការលក់​នៃ​ថ្ងៃ​មុនៗ ត្រូវការលេខ​សម្ងាត់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Not saved: refunds and amounts below zero need the owner&apos;s PIN.</source>
        <translation>មិន​បាន​រក្សាទុក៖ ការសង​ប្រាក់​វិញ និង​ទឹកប្រាក់​តិច​ជាង​សូន្យ ត្រូវការលេខ​សម្ងាត់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>Not saved: this needs the owner&apos;s PIN.</source>
        <translation>មិន​បាន​រក្សាទុក៖ ការ​នេះ​ត្រូវការលេខ​សម្ងាត់​ម្ចាស់​ហាង។</translation>
    </message>
    <message>
        <source>%1 is a lot of dollars. Did you mean %2 (about %3)?</source>
        <translation>%1 ជា​ទឹកប្រាក់​ដុល្លារ​ច្រើន​ណាស់។ តើ​អ្នក​ចង់​បញ្ចូល %2 (ប្រហែល %3) មែន​ទេ?</translation>
    </message>
    <message>
        <source>%1 is very little in riel. Did you mean %2?</source>
        <translation>%1 ជា​ទឹកប្រាក់​រៀល​តិច​ណាស់។ តើ​អ្នក​ចង់​បញ្ចូល %2 មែន​ទេ?</translation>
    </message>
    <message>
        <source>That is %1 times this product&apos;s usual price (%2 each).</source>
        <translation>នេះ​ស្មើនឹង %1&#xa0;ដង​នៃ​តម្លៃ​ធម្មតា​របស់​ទំនិញ​នេះ (%2 ក្នុង​មួយ)។</translation>
    </message>
    <message>
        <source>A rate of %1 riel per dollar is unusual: it is mostly between %2 and %3.</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់ %1&#xa0;រៀល​ក្នុង​មួយ​ដុល្លារ មិន​ធម្មតា​ទេ៖ ជាធម្មតា​វា​នៅ​ចន្លោះ %2 និង %3។</translation>
    </message>
    <message>
        <source>Check this amount</source>
        <translation>ពិនិត្យ​ទឹកប្រាក់​នេះ</translation>
    </message>
    <message>
        <source>Save it as it is?</source>
        <translation>រក្សាទុក​តាម​នេះ​ឬ?</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>នៅតែ​រក្សាទុក (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Correct it</source>
        <translation>កែ​វា (&amp;C)</translation>
    </message>
    <message>
        <source>A change to a saved sale needs the server: it was not saved. Try again when the server is back.</source>
        <translation>ការកែប្រែ​ការលក់​ដែល​បាន​រក្សាទុក ត្រូវការ​ម៉ាស៊ីន​មេ៖ វា​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ សូម​ព្យាយាម​ម្ដង​ទៀត​នៅពេល​ម៉ាស៊ីន​មេ​ដំណើរការវិញ។</translation>
    </message>
    <message>
        <source>A daily total needs the server: it was not saved. Try again when the server is back.</source>
        <translation>សរុប​ប្រចាំ​ថ្ងៃ​ត្រូវការ​ម៉ាស៊ីន​មេ៖ វា​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ សូម​ព្យាយាម​ម្ដង​ទៀត​នៅពេល​ម៉ាស៊ីន​មេ​ដំណើរការវិញ។</translation>
    </message>
    <message>
        <source>A refund needs the server (and the owner PIN): it was not saved. Try again when the server is back.</source>
        <translation>ការសង​ប្រាក់​វិញ​ត្រូវការ​ម៉ាស៊ីន​មេ (និង​លេខ​សម្ងាត់​ម្ចាស់​ហាង)៖ វា​មិន​ត្រូវបាន​រក្សាទុក​ទេ។ សូម​ព្យាយាម​ម្ដង​ទៀត​នៅពេល​ម៉ាស៊ីន​មេ​ដំណើរការវិញ។</translation>
    </message>
    <message>
        <source>Correct the sale (Delete removes a line), then save it: it takes the place of the one waiting.</source>
        <translation>សូម​កែ​ការលក់​នេះ (Delete លុប​ជួរ​មួយ) រួច​រក្សាទុក៖ វា​នឹង​ជំនួស​ការលក់​ដែល​កំពុង​រង់ចាំ។</translation>
    </message>
    <message>
        <source>Kept on this laptop: %1. It is sent when the server answers again.</source>
        <translation>បាន​រក្សាទុក​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ៖ %1។ វា​នឹង​ត្រូវ​ផ្ញើ​ទៅ នៅពេល​ម៉ាស៊ីន​មេ​ឆ្លើយតប​វិញ។</translation>
    </message>
    <message>
        <source>Not saved: the server does not answer.</source>
        <translation>មិន​បាន​រក្សាទុក​ទេ៖ ម៉ាស៊ីន​មេ​មិន​ឆ្លើយតប។</translation>
    </message>
    <message>
        <source>Pay&amp;ment</source>
        <translation>វិធី​បង់ប្រាក់ (&amp;M)</translation>
    </message>
    <message>
        <source>Refund the sale chosen in the table below, or the one whose receipt no. is typed: all its lines or some of them</source>
        <translation>សង​ប្រាក់​វិញ​សម្រាប់​ការលក់​ដែល​បាន​ជ្រើស​ក្នុង​តារាង​ខាងក្រោម ឬ​ការលក់​ដែល​មាន​លេខ​វិក្កយបត្រ​បាន​វាយ៖ គ្រប់​ជួរ ឬ​តែ​ជួរ​ខ្លះ</translation>
    </message>
    <message>
        <source>Refund… (Ctrl+R)</source>
        <translation>សង​ប្រាក់​វិញ… (Ctrl+R)</translation>
    </message>
    <message>
        <source>The time of the sale: now, unless you change it</source>
        <translation>ម៉ោង​នៃ​ការលក់៖ ឥឡូវ​នេះ លុះត្រា​តែ​អ្នក​ប្ដូរ</translation>
    </message>
    <message>
        <source>What one item cost the shop, when it differs from the product&apos;s cost in Settings</source>
        <translation>ថ្លៃ​ដើម​នៃ​ទំនិញ​មួយ​សម្រាប់​ហាង នៅ​ពេល​វា​ខុស​ពី​ថ្លៃ​ដើម​របស់​ទំនិញ​ក្នុង​ការកំណត់</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>ម៉ោង:នាទី</translation>
    </message>
    <message>
        <source>Refund this sale…</source>
        <translation>សង​ប្រាក់​វិញ​សម្រាប់​ការលក់​នេះ…</translation>
    </message>
    <message>
        <source>&amp;Time</source>
        <translation>ម៉ោង (&amp;T)</translation>
    </message>
    <message>
        <source>Disc&amp;ount</source>
        <translation>បញ្ចុះ​តម្លៃ (&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;xchange rate (riel per $)</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់ (រៀល/$) (&amp;X)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>កំណត់​ចំណាំ</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>រយៈពេល៖</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>រក្សាទុក (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>U&amp;nit price</source>
        <translation>តម្លៃ​រាយ (&amp;N)</translation>
    </message>
    <message>
        <source>Unit co&amp;st</source>
        <translation>ថ្លៃ​ដើម (&amp;S)</translation>
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
        <translation>លេខ​វិក្កយបត្រ</translation>
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
        <translation>មធ្យោបាយ​លក់</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>ប្រភេទ​ទំនិញ</translation>
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
        <translation>កំណត់​ចំណាំ</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>ភ្ញៀវ​ដើរ​ចូល</translation>
    </message>
    <message>
        <source>Daily total</source>
        <translation>សរុប​ប្រចាំ​ថ្ងៃ</translation>
    </message>
    <message>
        <source>Dated after today: this sale counts in no figure until its day comes.</source>
        <translation>កាលបរិច្ឆេទ​ក្រោយ​ថ្ងៃ​នេះ៖ ការលក់​នេះ​មិន​ត្រូវបាន​រាប់​ក្នុង​តួលេខ​ណាមួយ​ទេ រហូតដល់​ថ្ងៃ​នោះ​មកដល់។</translation>
    </message>
    <message>
        <source>%1 (not yet)</source>
        <translation>%1 (មិន​ទាន់​ដល់)</translation>
    </message>
</context>
<context>
    <name>SalesUndo</name>
    <message>
        <source>Add sale</source>
        <translation>បន្ថែម​ការលក់</translation>
    </message>
    <message>
        <source>Delete sale</source>
        <translation>លុប​ការលក់</translation>
    </message>
    <message>
        <source>Delete sales</source>
        <translation>លុប​ការលក់</translation>
    </message>
    <message>
        <source>Edit sale</source>
        <translation>កែ​ការលក់</translation>
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
        <translation>ការសម្រេច​គោលដៅ</translation>
    </message>
    <message>
        <source>Pace</source>
        <translation>ល្បឿន</translation>
    </message>
    <message>
        <source>Chance</source>
        <translation>លទ្ធភាព</translation>
    </message>
    <message>
        <source>No chance to show: no target, a month not in progress, or under four weeks of sales</source>
        <translation>គ្មាន​លទ្ធភាព​សម្រាប់​បង្ហាញ៖ គ្មាន​គោលដៅ ខែ​មិន​កំពុង​ដំណើរការ ឬ​ការលក់​តិច​ជាង​បួន​សប្ដាហ៍</translation>
    </message>
    <message>
        <source>Chance of making the target: %1</source>
        <translation>លទ្ធភាព​សម្រេច​គោលដៅ៖ %1</translation>
    </message>
</context>
<context>
    <name>ServerBanner</name>
    <message>
        <source>Connect to the shop&apos;s ser&amp;ver…</source>
        <translation>ភ្ជាប់​ទៅ​ម៉ាស៊ីន​មេ​របស់​ហាង… (&amp;V)</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>ភ្ជាប់…</translation>
    </message>
    <message>
        <source>Needs the shop&apos;s server, which does not answer now.</source>
        <translation>ត្រូវការ​ម៉ាស៊ីនមេ​របស់​ហាង ដែល​ឥឡូវនេះ​មិន​ឆ្លើយតប។</translation>
    </message>
    <message>
        <source>Password of the shop&apos;s server</source>
        <translation>ពាក្យ​សម្ងាត់​ម៉ាស៊ីន​មេ​របស់​ហាង</translation>
    </message>
    <message>
        <source>The server answers again, but it needs the password of user %1 to connect. Sales you enter are kept on this laptop and sent once you connect.</source>
        <translation>ម៉ាស៊ីន​មេ​ឆ្លើយតប​វិញ​ហើយ ប៉ុន្តែ​ត្រូវការ​ពាក្យ​សម្ងាត់​របស់​អ្នកប្រើ %1 ដើម្បី​ភ្ជាប់។ ការលក់​ដែល​អ្នកបញ្ចូល​ត្រូវ​រក្សាទុក​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ ហើយ​ផ្ញើ​ទៅ​នៅពេល​អ្នក​ភ្ជាប់​រួច។</translation>
    </message>
    <message>
        <source>The server did not accept the password kept for this shop.</source>
        <translation>ម៉ាស៊ីន​មេ​មិន​ទទួលយក​ពាក្យ​សម្ងាត់​ដែល​បាន​រក្សាទុក​សម្រាប់​ហាង​នេះ​ទេ។</translation>
    </message>
    <message>
        <source>The server did not accept this password (it is case-sensitive).</source>
        <translation>ម៉ាស៊ីន​មេ​មិន​ទទួលយក​ពាក្យ​សម្ងាត់​នេះ​ទេ (ពាក្យ​សម្ងាត់​បែងចែក​អក្សរ​ធំ និង​អក្សរ​តូច)។</translation>
    </message>
    <message>
        <source>The server does not answer: figures as of %1. Sales you enter are kept and sent when it is back.</source>
        <translation>ម៉ាស៊ីនមេ​មិន​ឆ្លើយតប៖ តួលេខ​គិត​ត្រឹម %1។ ការលក់​ដែល​អ្នក​បញ្ចូល​ត្រូវ​រក្សាទុក ហើយ​ផ្ញើ​ទៅ​នៅពេល​ម៉ាស៊ីនមេ​ដំណើរការ​វិញ។</translation>
    </message>
    <message>
        <source>The shop on the server was upgraded by a newer KPI Desk on another laptop. Install that version on this laptop too: the sales kept here are sent then.</source>
        <translation>ហាង​នៅលើ​ម៉ាស៊ីន​មេ​ត្រូវបាន​ធ្វើឱ្យ​ទាន់សម័យ​ដោយ KPI Desk ជំនាន់​ថ្មី​ជាង នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​មួយ​ទៀត។ សូម​ដំឡើង KPI Desk ជំនាន់​នោះ​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ​ដែរ៖ ពេល​នោះ​ការលក់​ដែល​រក្សាទុក​នៅ​ទីនេះ​នឹង​ត្រូវ​ផ្ញើ​ទៅ។</translation>
    </message>
    <message>
        <source>The shop&apos;s server %1 (port %2, database %3) answers again. Type the password of user %4 to connect; the sales kept on this laptop are then sent.</source>
        <translation>ម៉ាស៊ីន​មេ​របស់​ហាង %1 (ច្រក %2 មូលដ្ឋាន​ទិន្នន័យ %3) ឆ្លើយតប​វិញ​ហើយ។ សូម​វាយ​ពាក្យ​សម្ងាត់​របស់​អ្នកប្រើ %4 ដើម្បី​ភ្ជាប់ បន្ទាប់មកការលក់​ដែល​រក្សាទុក​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ​នឹង​ត្រូវ​ផ្ញើ​ទៅ។</translation>
    </message>
    <message>
        <source>This tab shows the shop&apos;s figures, which are on its server. It opens once you connect to the server (Connect… above).</source>
        <translation>ផ្ទាំង​នេះ​បង្ហាញ​តួលេខ​របស់​ហាង ដែល​នៅលើ​ម៉ាស៊ីន​មេ។ វា​នឹង​បើក​នៅពេល​អ្នក​ភ្ជាប់​ទៅ​ម៉ាស៊ីន​មេ​រួច (ភ្ជាប់… នៅ​ខាងលើ)។</translation>
    </message>
    <message>
        <source>This tab shows the shop&apos;s figures, which are on its server. It opens when the server answers again.</source>
        <translation>ផ្ទាំង​នេះ​បង្ហាញ​តួលេខ​របស់​ហាង ដែល​នៅលើ​ម៉ាស៊ីនមេ។ វា​នឹង​បើក​នៅពេល​ម៉ាស៊ីនមេ​ឆ្លើយតប​វិញ។</translation>
    </message>
    <message>
        <source>Type the password of the shop&apos;s server, connect, and send the sales kept on this laptop.</source>
        <translation>វាយ​ពាក្យ​សម្ងាត់​ម៉ាស៊ីន​មេ​របស់​ហាង ភ្ជាប់ ហើយ​ផ្ញើ​ការលក់​ដែល​រក្សាទុក​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ។</translation>
    </message>
    <message>
        <source>Working without the server: it did not answer when this shop was opened. Sales you enter are kept on this laptop and sent when it is back. Customers, products and prices are as of %1.</source>
        <translation>កំពុង​ធ្វើការ​ដោយ​គ្មាន​ម៉ាស៊ីនមេ៖ វា​មិន​បាន​ឆ្លើយតប​ពេល​បើក​ហាង​នេះ​ទេ។ ការលក់​ដែល​អ្នក​បញ្ចូល​ត្រូវ​រក្សាទុក​នៅលើ​កុំព្យូទ័រ​យួរដៃ​នេះ ហើយ​ផ្ញើ​ទៅ​នៅពេល​ម៉ាស៊ីនមេ​ដំណើរការ​វិញ។ អតិថិជន ផលិតផល និង​តម្លៃ គិត​ត្រឹម %1។</translation>
    </message>
</context>
<context>
    <name>ServerQueue</name>
    <message>
        <source>Kept at</source>
        <translation>រក្សាទុក​នៅ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>កាលបរិច្ឆេទ</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>ទឹកប្រាក់</translation>
    </message>
    <message>
        <source>State</source>
        <translation>ស្ថានភាព</translation>
    </message>
    <message>
        <source>%1 sale waiting to be sent — connect to the server to send it.</source>
        <translation>ការលក់ %1 កំពុង​រង់ចាំ​ផ្ញើ — សូម​ភ្ជាប់​ទៅ​ម៉ាស៊ីន​មេ​ដើម្បី​ផ្ញើ។</translation>
    </message>
    <message>
        <source>%1 sale waiting to be sent — the server does not answer.</source>
        <translation>ការលក់ %1 កំពុង​រង់ចាំ​ផ្ញើ — ម៉ាស៊ីន​មេ​មិន​ឆ្លើយតប។</translation>
    </message>
    <message>
        <source>%1 sale waiting to be sent: the server refused it. Open the list to correct or discard it.</source>
        <translation>ការលក់ %1 កំពុង​រង់ចាំ​ផ្ញើ៖ ម៉ាស៊ីន​មេ​មិន​ទទួលយក​វា​ទេ។ សូម​បើក​បញ្ជី ដើម្បី​កែ ឬ​បោះបង់​វា។</translation>
    </message>
    <message>
        <source>%1 sales saved on this laptop are not on the shop&apos;s server yet. They stay here and are sent the next time KPI Desk opens this shop and the server answers.

Close KPI Desk anyway?</source>
        <translation>ការលក់ %1 ដែល​បាន​រក្សាទុក​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ មិន​ទាន់​មាន​នៅលើ​ម៉ាស៊ីន​មេ​របស់​ហាង​នៅឡើយ​ទេ។ វា​នៅ​ទីនេះ ហើយ​នឹង​ត្រូវ​ផ្ញើ​ទៅ នៅពេល KPI Desk បើក​ហាង​នេះ​លើក​ក្រោយ ហើយ​ម៉ាស៊ីន​មេ​ឆ្លើយតប។

នៅតែ​បិទ KPI Desk ឬ?</translation>
    </message>
    <message>
        <source>%1 sales waiting to be sent — connect to the server to send them.</source>
        <translation>ការលក់ %1 កំពុង​រង់ចាំ​ផ្ញើ — សូម​ភ្ជាប់​ទៅ​ម៉ាស៊ីន​មេ​ដើម្បី​ផ្ញើ។</translation>
    </message>
    <message>
        <source>%1 sales waiting to be sent — the server does not answer.</source>
        <translation>ការលក់ %1 កំពុង​រង់ចាំ​ផ្ញើ — ម៉ាស៊ីន​មេ​មិន​ឆ្លើយតប។</translation>
    </message>
    <message>
        <source>%1 sales waiting to be sent. Open the list to correct or discard the ones the server refused.</source>
        <translation>ការលក់ %1 កំពុង​រង់ចាំ​ផ្ញើ។ សូម​បើក​បញ្ជី ដើម្បី​កែ ឬ​បោះបង់​ការលក់​ដែល​ម៉ាស៊ីន​មេ​មិន​ទទួលយក។</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Discard…</source>
        <translation>បោះបង់… (&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Send now</source>
        <translation>ផ្ញើ​ឥឡូវនេះ (&amp;S)</translation>
    </message>
    <message>
        <source>Chec&amp;k waiting sales…</source>
        <translation>ពិនិត្យ​ការលក់​កំពុង​រង់ចាំ… (&amp;K)</translation>
    </message>
    <message>
        <source>Choose a sale in the list first.</source>
        <translation>សូម​ជ្រើសរើស​ការលក់​មួយ​ក្នុង​បញ្ជី​ជាមុន​សិន។</translation>
    </message>
    <message>
        <source>Co&amp;rrect in the form</source>
        <translation>កែ​ក្នុង​ទម្រង់ (&amp;R)</translation>
    </message>
    <message>
        <source>Discard this sale?</source>
        <translation>បោះបង់​ការលក់​នេះ​ឬ?</translation>
    </message>
    <message>
        <source>Discarded.</source>
        <translation>បាន​បោះបង់។</translation>
    </message>
    <message>
        <source>Discarding needs the server, to check the owner PIN. Try again when it answers.</source>
        <translation>ការបោះបង់​ត្រូវការ​ម៉ាស៊ីន​មេ ដើម្បី​ពិនិត្យ​លេខ​សម្ងាត់​ម្ចាស់​ហាង។ សូម​ព្យាយាម​ម្ដង​ទៀត​នៅពេល​វា​ឆ្លើយតប។</translation>
    </message>
    <message>
        <source>Its payment method is no longer on the server.</source>
        <translation>វិធី​បង់ប្រាក់​របស់​វា​លែង​មាន​នៅលើ​ម៉ាស៊ីន​មេ​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>Its sales channel is no longer on the server.</source>
        <translation>មធ្យោបាយ​លក់​របស់​វា​លែង​មាន​នៅលើ​ម៉ាស៊ីន​មេ​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>Only a new sale can wait on this laptop: a refund or a daily total needs the server.</source>
        <translation>មាន​តែ​ការលក់​ថ្មី​ប៉ុណ្ណោះ​ដែល​អាច​រង់ចាំ​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ៖ ការ​សង​ប្រាក់​វិញ ឬ​សរុប​ប្រចាំ​ថ្ងៃ ត្រូវការ​ម៉ាស៊ីន​មេ។</translation>
    </message>
    <message>
        <source>Sales waiting to be sent</source>
        <translation>ការលក់​កំពុង​រង់ចាំ​ផ្ញើ</translation>
    </message>
    <message>
        <source>Sales waiting to be sent: %1. They are sent once KPI Desk on this laptop is updated.</source>
        <translation>ការលក់​កំពុង​រង់ចាំ​ផ្ញើ៖ %1។ វា​នឹង​ត្រូវ​ផ្ញើ​ទៅ នៅពេល​ដំឡើង KPI Desk ជំនាន់​ថ្មី​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ​រួច។</translation>
    </message>
    <message>
        <source>Sent: %1. Refused by the server: %2.</source>
        <translation>បាន​ផ្ញើ៖ %1។ ម៉ាស៊ីន​មេ​មិន​ទទួលយក៖ %2។</translation>
    </message>
    <message>
        <source>The customer “%1” is no longer on the server.</source>
        <translation>អតិថិជន “%1” លែង​មាន​នៅលើ​ម៉ាស៊ីន​មេ​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>The product “%1” is no longer on the server.</source>
        <translation>ទំនិញ “%1” លែង​មាន​នៅលើ​ម៉ាស៊ីន​មេ​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>The salesperson “%1” is no longer on the server.</source>
        <translation>អ្នកលក់ “%1” លែង​មាន​នៅលើ​ម៉ាស៊ីន​មេ​ទៀត​ហើយ។</translation>
    </message>
    <message>
        <source>The server does not answer. Sales you save now wait on this laptop and are sent when it is back.</source>
        <translation>ម៉ាស៊ីន​មេ​មិន​ឆ្លើយតប។ ការលក់​ដែល​អ្នក​រក្សាទុក​ឥឡូវនេះ នឹង​រង់ចាំ​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ ហើយ​នឹង​ត្រូវ​ផ្ញើ​ទៅ នៅពេល​ម៉ាស៊ីន​មេ​ដំណើរការវិញ។</translation>
    </message>
    <message>
        <source>The server refused it: %1</source>
        <translation>ម៉ាស៊ីន​មេ​មិន​ទទួលយក​វា​ទេ៖ %1</translation>
    </message>
    <message>
        <source>The server still does not answer: nothing was sent.</source>
        <translation>ម៉ាស៊ីន​មេ​នៅតែ​មិន​ឆ្លើយតប៖ មិន​បាន​ផ្ញើ​អ្វី​ទេ។</translation>
    </message>
    <message>
        <source>These sales were saved on this laptop while the shop&apos;s server did not answer. They are sent in this order when it answers again, each one once.</source>
        <translation>ការលក់​ទាំងនេះ​ត្រូវបាន​រក្សាទុក​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ ខណៈ​ម៉ាស៊ីន​មេ​របស់​ហាង​មិន​ឆ្លើយតប។ វា​នឹង​ត្រូវ​ផ្ញើ​ទៅ​តាម​លំដាប់​នេះ នៅពេល​ម៉ាស៊ីន​មេ​ឆ្លើយតប​វិញ ម្ដង​មួយៗ តែម្ដង​គត់។</translation>
    </message>
    <message>
        <source>This sale was never sent to the server. Discarded, it is gone for good.</source>
        <translation>ការលក់​នេះ​មិន​ដែល​បាន​ផ្ញើ​ទៅ​ម៉ាស៊ីន​មេ​ទេ។ បើ​បោះបង់ វា​នឹង​បាត់​ជារៀងរហូត។</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>កំពុង​រង់ចាំ</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>ភ្ញៀវ​ដើរ​ចូល</translation>
    </message>
</context>
<context>
    <name>ServerWrites</name>
    <message>
        <source>Not saved: the shop&apos;s server does not answer. What you typed is still here; save again when it is back.</source>
        <translation>មិន​បាន​រក្សាទុក៖ ម៉ាស៊ីនមេ​របស់​ហាង​មិន​ឆ្លើយតប។ អ្វី​ដែល​អ្នក​បាន​វាយ​នៅ​តែ​មាន​នៅទីនេះ សូម​រក្សាទុក​ម្ដងទៀត​នៅពេល​ម៉ាស៊ីនមេ​ឆ្លើយតប​វិញ។</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <source>The Won and Lost stages always stay, at the end.</source>
        <translation>ដំណាក់កាល «លក់​បាន» និង «បាត់​ឱកាស» មិន​អាច​ដក​ចេញ​បាន​ទេ ហើយ​នៅ​ខាង​ចុង​ជានិច្ច។</translation>
    </message>
    <message>
        <source>Keep at least one open stage.</source>
        <translation>សូម​ទុក​យ៉ាងហោចណាស់​ដំណាក់កាល​កំពុង​តាមដាន​មួយ។</translation>
    </message>
    <message>
        <source>Opportunities are in this stage: move them to another stage before removing it.</source>
        <translation>មាន​ឱកាស​លក់​នៅក្នុង​ដំណាក់កាល​នេះ៖ សូម​ផ្លាស់​វា​ទៅ​ដំណាក់កាល​ផ្សេង​សិន មុនពេល​ដក​វា​ចេញ។</translation>
    </message>
    <message>
        <source>This is used by products or sales and cannot be removed. Rename it instead.</source>
        <translation>វា​ត្រូវបាន​ប្រើ​ដោយ​ទំនិញ ឬ​ការលក់ ហើយ​មិន​អាច​ដក​ចេញ​បាន​ទេ។ សូម​ប្តូរ​ឈ្មោះ​វា​ជំនួស​វិញ។</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>បាន​រក្សាទុក។</translation>
    </message>
    <message>
        <source>Select a stage first.</source>
        <translation>សូម​ជ្រើស​ដំណាក់កាល​មួយ​សិន។</translation>
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
        <translation>ឈ្មោះ​ហាង៖</translation>
    </message>
    <message>
        <source>Shown in the window title and on reports</source>
        <translation>បង្ហាញ​នៅលើ​ចំណងជើង​បង្អួច និង​ក្នុង​របាយការណ៍</translation>
    </message>
    <message>
        <source>Reporting currency:</source>
        <translation>រូបិយប័ណ្ណ​របាយការណ៍៖</translation>
    </message>
    <message>
        <source>US dollar ($)</source>
        <translation>ដុល្លារ​អាមេរិក ($)</translation>
    </message>
    <message>
        <source>Cambodian riel (៛)</source>
        <translation>ប្រាក់​រៀល (៛)</translation>
    </message>
    <message>
        <source>Default exchange rate:</source>
        <translation>អត្រា​ប្តូរ​ប្រាក់​លំនាំដើម៖</translation>
    </message>
    <message>
        <source>riel per dollar</source>
        <translation>រៀល​ក្នុង​មួយ​ដុល្លារ</translation>
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
        <source>Backups and owner PIN</source>
        <translation>ការបម្រុងទុក និង​លេខ​សម្ងាត់​ម្ចាស់​ហាង</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>ការបម្រុងទុក… (&amp;B)</translation>
    </message>
    <message>
        <source>Owner &amp;PIN…</source>
        <translation>លេខ​សម្ងាត់​ម្ចាស់​ហាង… (&amp;P)</translation>
    </message>
    <message>
        <source>Opportunity stages</source>
        <translation>ដំណាក់កាល​ឱកាស​លក់</translation>
    </message>
    <message>
        <source>New stage</source>
        <translation>ដំណាក់កាល​ថ្មី</translation>
    </message>
    <message>
        <source>Probability %</source>
        <translation>លទ្ធភាព​លក់​បាន %</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>បន្ថែម​ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>ដក​ដំណាក់កាល</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>ផ្លាស់​ឡើង​លើ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>ផ្លាស់​ចុះក្រោម</translation>
    </message>
    <message>
        <source>The probability is the default chance of winning a deal in that stage; it weights the pipeline. Double-click a cell to change it.</source>
        <translation>លទ្ធភាព​លក់​បាន ជា​ភាគរយ​លំនាំដើម​ដែល​រំពឹង​ថា​នឹង​លក់​បាន​នៅ​ដំណាក់កាល​នោះ ហើយ​ប្រើ​ដើម្បី​គណនា​តម្លៃ​ឱកាស​លក់​តាម​លទ្ធភាព។ ចុច​ពីរ​ដង​លើ​ក្រឡា​ដើម្បី​កែ។</translation>
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
        <translation>ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>ទំនិញ</translation>
    </message>
    <message>
        <source>Sales channels</source>
        <translation>មធ្យោបាយ​លក់</translation>
    </message>
    <message>
        <source>Lost reasons</source>
        <translation>មូលហេតុ​បាត់​ឱកាស</translation>
    </message>
    <message>
        <source>The probability must be a whole number from %1 to %2.</source>
        <translation>លទ្ធភាព​លក់​បាន​ត្រូវតែ​ជា​លេខ​គត់​ពី %1 ដល់ %2។</translation>
    </message>
    <message>
        <source>The order must be a number from %1 to %2.</source>
        <translation>លំដាប់​ត្រូវតែ​ជា​លេខ​ពី %1 ដល់ %2។</translation>
    </message>
    <message>
        <source>Write numbers with Latin digits (%1) in Khmer</source>
        <translation>សរសេរ​លេខ​ជា​លេខ​ឡាតាំង (%1) ពេល​ប្រើ​ភាសា​ខ្មែរ</translation>
    </message>
    <message>
        <source>Latin digits for dollar amounts (%1)</source>
        <translation>ទឹកប្រាក់​ដុល្លារ​ជា​លេខ​ឡាតាំង (%1)</translation>
    </message>
    <message>
        <source>Dollars as banks and price tags show them, even when other numbers are in Khmer digits</source>
        <translation>បង្ហាញ​ដុល្លារ​ដូច​ធនាគារ និង​ស្លាក​តម្លៃ ទោះបី​លេខ​ផ្សេង​ទៀត​ជា​លេខ​ខ្មែរ​ក៏ដោយ</translation>
    </message>
    <message>
        <source>Show riel figures rounded to %1 (the amounts kept stay exact)</source>
        <translation>បង្ហាញ​តួលេខ​ជា​ប្រាក់​រៀល​បង្គត់​ត្រឹម %1 (ទឹកប្រាក់​ដែល​រក្សាទុក​នៅតែ​ត្រឹមត្រូវ​ដដែល)</translation>
    </message>
    <message>
        <source>Revenue, targets and other figures in riel converted from dollar sales; a sale typed in riel is shown as typed</source>
        <translation>ចំណូល គោលដៅ និង​តួលេខ​ផ្សេង​ទៀត​ជា​ប្រាក់​រៀល ដែល​ប្តូរ​ពី​ការលក់​ជា​ដុល្លារ។ ការលក់​ដែល​វាយ​ជា​ប្រាក់​រៀល បង្ហាញ​ដូច​ដែល​បាន​វាយ</translation>
    </message>
    <message>
        <source>Branch name:</source>
        <translation>ឈ្មោះ​សាខា៖</translation>
    </message>
    <message>
        <source>Only when the shop has several branches</source>
        <translation>សម្រាប់​តែ​ហាង​ដែល​មាន​សាខា​ច្រើន​ប៉ុណ្ណោះ</translation>
    </message>
    <message>
        <source>Shared shop on:</source>
        <translation>ហាង​ប្រើ​រួមគ្នា​នៅលើ៖</translation>
    </message>
</context>
<context>
    <name>Share</name>
    <message>
        <source>Our shop</source>
        <translation>ហាង​យើង</translation>
    </message>
    <message>
        <source>%1, up to %2</source>
        <translation>%1 ដល់​ថ្ងៃ %2</translation>
    </message>
    <message>
        <source>%1 on the month before</source>
        <translation>%1 ធៀប​ខែ​មុន</translation>
    </message>
    <message>
        <source>%1 on the same month last year</source>
        <translation>%1 ធៀប​ខែ​ដដែល​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>No target set for this month</source>
        <translation>ខែ​នេះ​មិន​ទាន់​កំណត់​គោលដៅ</translation>
    </message>
    <message>
        <source>%1 · %2 reached</source>
        <translation>%1 · សម្រេចបាន %2</translation>
    </message>
    <message>
        <source>Chance of making it: %1</source>
        <translation>ឱកាស​សម្រេច​គោលដៅ៖ %1</translation>
    </message>
    <message>
        <source>At this pace: %1 by the month&apos;s end</source>
        <translation>តាម​ល្បឿន​នេះ៖ %1 នៅ​ចុង​ខែ</translation>
    </message>
    <message>
        <source>New customers %1 · returning %2</source>
        <translation>អតិថិជន​ថ្មី %1&#xa0;នាក់ · ត្រឡប់​មកវិញ %2&#xa0;នាក់</translation>
    </message>
    <message>
        <source>Check the data: %1 entries look wrong</source>
        <translation>ពិនិត្យ​ទិន្នន័យ៖ ទិន្នន័យ %1 មើល​ទៅ​ខុស</translation>
    </message>
    <message>
        <source>Data checked: nothing looks wrong</source>
        <translation>បាន​ពិនិត្យ​ទិន្នន័យ៖ គ្មាន​អ្វី​ខុស​ទេ</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>គោលដៅ៖ %1</translation>
    </message>
    <message>
        <source>Revenue: %1</source>
        <translation>ចំណូល៖ %1</translation>
    </message>
    <message>
        <source>Best sellers: %1</source>
        <translation>ទំនិញ​លក់​ដាច់​ជាង​គេ៖ %1</translation>
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
        <source>Customers</source>
        <translation>អតិថិជន</translation>
    </message>
    <message>
        <source>Best sellers</source>
        <translation>ទំនិញ​លក់​ដាច់​ជាង​គេ</translation>
    </message>
    <message>
        <source>No product sales this month</source>
        <translation>ខែ​នេះ​គ្មាន​ការលក់​ទំនិញ</translation>
    </message>
    <message>
        <source>Made with KPI Desk · %1</source>
        <translation>បង្កើត​ដោយ KPI Desk · %1</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>&amp;Browse…</source>
        <translation>រកមើល (&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Language of the picture:</source>
        <translation>ភាសា​របស់​រូបភាព (&amp;L)៖</translation>
    </message>
    <message>
        <source>&amp;Save picture and copy text</source>
        <translation>រក្សាទុក​រូបភាព និង​ចម្លង​អត្ថបទ (&amp;S)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>បិទ</translation>
    </message>
    <message>
        <source>Folder for the pictures</source>
        <translation>ថត​សម្រាប់​រូបភាព</translation>
    </message>
    <message>
        <source>Save in &amp;folder:</source>
        <translation>រក្សាទុក​ក្នុង​ថត (&amp;F)៖</translation>
    </message>
    <message>
        <source>Saved as %1; the text is copied.</source>
        <translation>បាន​រក្សាទុក​ជា %1 · អត្ថបទ​ត្រូវបាន​ចម្លង​ហើយ។</translation>
    </message>
    <message>
        <source>Share %1</source>
        <translation>ចែករំលែក %1</translation>
    </message>
    <message>
        <source>The picture goes in the folder, the text to the clipboard: forward both on Telegram when you like.</source>
        <translation>រូបភាព​នឹង​នៅក្នុង​ថត អត្ថបទ​នៅក្នុង​ការចម្លង៖ ផ្ញើ​ទាំង​ពីរ​តាម Telegram ពេលណា​ក៏​បាន។</translation>
    </message>
</context>
<context>
    <name>SharedBackups</name>
    <message>
        <source>Made</source>
        <translation>ពេល​ធ្វើ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>ប្រភេទ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>ទំហំ</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>ទុក​នៅ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>បម្រុងទុក​ឥឡូវនេះ (&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>បិទ (&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>បើក​ថត (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>ស្ដារ… (&amp;R)</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>ស្វ័យប្រវត្តិ</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>ការបម្រុងទុក​បរាជ័យ</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>ថត​បម្រុងទុក</translation>
    </message>
    <message>
        <source>Backup made: %1.</source>
        <translation>បាន​បម្រុងទុក​រួច៖ %1។</translation>
    </message>
    <message>
        <source>Backups of the shared shop</source>
        <translation>ការបម្រុងទុក​នៃ​ហាងប្រើ​រួមគ្នា</translation>
    </message>
    <message>
        <source>Backups on this laptop: %1, taking %2.</source>
        <translation>ការបម្រុងទុក​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​នេះ៖ %1 ប្រើ​ទំហំ %2។</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>មុនពេល​ស្ដារ</translation>
    </message>
    <message>
        <source>Choose &amp;folder…</source>
        <translation>ជ្រើស​ថត… (&amp;F)</translation>
    </message>
    <message>
        <source>Choose a backup in the list first.</source>
        <translation>សូម​ជ្រើសរើស​ការបម្រុងទុក​មួយ​ក្នុង​បញ្ជី​ជាមុន​សិន។</translation>
    </message>
    <message>
        <source>Each day the first laptop to open the shared shop backs it up (%1 daily and %2 monthly backups are kept). This laptop keeps its backups in %3.</source>
        <translation>រៀងរាល់​ថ្ងៃ កុំព្យូទ័រ​យួរ​ដៃ​ដំបូង​គេ​ដែល​បើក​ហាង​ប្រើ​រួមគ្នា នឹង​បម្រុងទុក​វា (រក្សាទុក​ការបម្រុងទុក​ប្រចាំ​ថ្ងៃ %1 និង​ប្រចាំ​ខែ %2)។ កុំព្យូទ័រ​យួរ​ដៃ​នេះ​រក្សាទុក​ការបម្រុងទុក​របស់​វា​នៅក្នុង %3។</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>ធ្វើ​ដោយ​ដៃ</translation>
    </message>
    <message>
        <source>Making a backup of the shared shop…</source>
        <translation>កំពុង​បម្រុងទុក​ហាង​ប្រើ​រួមគ្នា…</translation>
    </message>
    <message>
        <source>No automatic backup of the shared shop has been taken yet.</source>
        <translation>មិន​ទាន់​មាន​ការបម្រុងទុក​ស្វ័យប្រវត្តិ​នៃ​ហាងប្រើ​រួមគ្នា​នៅឡើយ​ទេ។</translation>
    </message>
    <message>
        <source>On %1</source>
        <translation>នៅ​លើ %1</translation>
    </message>
    <message>
        <source>On this laptop</source>
        <translation>នៅ​លើ​កុំព្យូទ័រ​យួរដៃ​នេះ</translation>
    </message>
    <message>
        <source>PostgreSQL&apos;s tools pg_dump and pg_restore are not on this laptop, so it cannot back the shared shop up. Install PostgreSQL&apos;s command line tools (on Windows: the PostgreSQL installer, “Command Line Tools”).</source>
        <translation>កុំព្យូទ័រ​យួរ​ដៃ​នេះ​គ្មាន​ឧបករណ៍ pg_dump និង pg_restore របស់ PostgreSQL ទេ ដូច្នេះ​វា​មិន​អាច​បម្រុងទុក​ហាង​ប្រើ​រួមគ្នា​បាន​ទេ។ សូម​ដំឡើង​ឧបករណ៍​បន្ទាត់បញ្ជា​របស់ PostgreSQL (នៅលើ Windows៖ កម្មវិធី​ដំឡើង PostgreSQL ផ្នែក “Command Line Tools”)។</translation>
    </message>
    <message>
        <source>Put back the shared shop as it was on %1?

This replaces the shop&apos;s data on the server for everyone: sales entered on any laptop since then are lost. Ask the others to stop entering sales first. A backup of the shop as it is now is made before.</source>
        <translation>ស្ដារ​ហាង​ប្រើ​រួមគ្នា​ឱ្យ​ដូច​កាលពី %1 ឬ?

ការ​នេះ​ជំនួស​ទិន្នន័យ​របស់​ហាង​នៅលើ​ម៉ាស៊ីន​មេ​សម្រាប់​អ្នក​ទាំងអស់​គ្នា៖ ការលក់​ដែល​បាន​បញ្ចូល​នៅលើ​កុំព្យូទ័រ​យួរ​ដៃ​ណាមួយ​ចាប់ពី​ពេល​នោះ​មក នឹង​បាត់។ សូម​ប្រាប់​អ្នក​ផ្សេង​ឱ្យ​ឈប់បញ្ចូល​ការលក់​ជាមុន​សិន។ ការបម្រុងទុក​នៃ​ហាង​ដូច​សព្វ​ថ្ងៃ​នឹង​ត្រូវ​ធ្វើ​មុន។</translation>
    </message>
    <message>
        <source>Putting the shared shop back…</source>
        <translation>កំពុង​ស្ដារ​ហាង​ប្រើ​រួមគ្នា…</translation>
    </message>
    <message>
        <source>Restore the shared shop?</source>
        <translation>ស្ដារ​ហាង​ប្រើ​រួមគ្នា​ឬ?</translation>
    </message>
    <message>
        <source>The last automatic backup: %1, taken by the laptop “%2”.</source>
        <translation>ការបម្រុងទុក​ស្វ័យប្រវត្តិ​ចុងក្រោយ៖ %1 ធ្វើ​ដោយ​កុំព្យូទ័រ​យួរ​ដៃ “%2”។</translation>
    </message>
    <message>
        <source>The shared shop was put back.</source>
        <translation>ហាង​ប្រើ​រួមគ្នា​ត្រូវបាន​ស្ដារ​វិញ​ហើយ។</translation>
    </message>
    <message>
        <source>This backup is kept on the laptop “%1”, in %2: restore it from there.</source>
        <translation>ការបម្រុងទុក​នេះ​ទុក​នៅ​លើ​កុំព្យូទ័រ​យួរដៃ “%1” ក្នុង %2៖ សូម​ស្ដារ​វា​ពី​កុំព្យូទ័រ​នោះ។</translation>
    </message>
    <message>
        <source>This laptop&apos;s pg_dump is version %1, older than the server (version %2): it cannot back the shop up. Install the tools of version %2 or newer.</source>
        <translation>pg_dump របស់​កុំព្យូទ័រ​យួរ​ដៃ​នេះ​ជា​កំណែ %1 ចាស់​ជាង​ម៉ាស៊ីន​មេ (កំណែ %2)៖ វា​មិន​អាច​បម្រុងទុក​ហាង​បាន​ទេ។ សូម​ដំឡើង​ឧបករណ៍​កំណែ %2 ឬ​ថ្មី​ជាង​នេះ។</translation>
    </message>
</context>
<context>
    <name>SpreadDialog</name>
    <message>
        <source>Spread a yearly target</source>
        <translation>ចែក​គោលដៅ​ប្រចាំ​ឆ្នាំ</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>សម្រាប់៖</translation>
    </message>
    <message>
        <source>Total for %1:</source>
        <translation>សរុប​សម្រាប់ %1៖</translation>
    </message>
    <message>
        <source>&amp;Equal months</source>
        <translation>ចែក​ស្មើគ្នា​គ្រប់​ខែ (&amp;E)</translation>
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
        <translation>ខែ​នីមួយៗ​ត្រូវ​មាន​ភាគរយ (ជា​លេខ)។</translation>
    </message>
    <message>
        <source>Percentages must be zero or more, not all zero.</source>
        <translation>ភាគរយ​ត្រូវតែ​ចាប់ពី​សូន្យ​ឡើង​ទៅ ហើយ​មិន​មែន​សូន្យ​ទាំងអស់។</translation>
    </message>
    <message>
        <source>The total is not a valid number.</source>
        <translation>សរុប​មិន​មែន​ជា​លេខ​ត្រឹមត្រូវ​ទេ។</translation>
    </message>
    <message>
        <source>Sum of percentages: %1</source>
        <translation>ផលបូក​ភាគរយ៖ %1</translation>
    </message>
    <message>
        <source>Type the total for the year.</source>
        <translation>សូម​វាយ​សរុប​សម្រាប់​ឆ្នាំ។</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>ឧ. %1</translation>
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
        <translation>លទ្ធភាព​លក់​បាន %</translation>
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
        <translation>កំពុង​តាមដាន</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>លក់​បាន</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>បាត់​ឱកាស</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Backup restored</source>
        <translation>បាន​ស្ដារ​ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>Cannot open the shop file</source>
        <translation>មិន​អាច​បើក​ឯកសារ​ហាង​បាន​ទេ</translation>
    </message>
    <message>
        <source>Made by a newer KPI Desk</source>
        <translation>បង្កើត​ដោយ KPI Desk កំណែ​ថ្មី​ជាង</translation>
    </message>
    <message>
        <source>No backup of it was found. The file was not changed. Open another shop file with --db, or move this one away to start a new shop.</source>
        <translation>រក​មិន​ឃើញ​ការបម្រុងទុក​របស់​វា​ទេ។ ឯកសារ​មិន​ត្រូវបាន​កែប្រែ​ទេ។ សូម​បើក​ឯកសារ​ហាង​ផ្សេង​ដោយ​ប្រើ --db ឬ​ផ្លាស់​ឯកសារ​នេះ​ចេញ ដើម្បី​ចាប់ផ្ដើម​ហាង​ថ្មី។</translation>
    </message>
    <message>
        <source>Restore a backup?</source>
        <translation>ស្ដារ​ការបម្រុងទុក​ឬ​ទេ?</translation>
    </message>
    <message>
        <source>Shop file in use</source>
        <translation>ឯកសារ​ហាង​កំពុង​ប្រើ</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>ជំហាន %1 នៃ %2៖ %3</translation>
    </message>
    <message>
        <source>Updating the shop file</source>
        <translation>កំពុង​ធ្វើ​បច្ចុប្បន្នភាព​ឯកសារ​ហាង</translation>
    </message>
    <message>
        <source>Updating the shop file for this version of KPI Desk. A backup is made first. This happens only once.</source>
        <translation>កំពុង​ធ្វើ​បច្ចុប្បន្នភាព​ឯកសារ​ហាង​សម្រាប់​កំណែ KPI Desk នេះ។ ការបម្រុងទុក​ត្រូវបាន​ធ្វើ​មុន​សិន។ រឿង​នេះ​កើតឡើង​តែម្ដង​ប៉ុណ្ណោះ។</translation>
    </message>
    <message>
        <source>making a backup of the shop file…</source>
        <translation>កំពុង​បម្រុងទុក​ឯកសារ​ហាង…</translation>
    </message>
    <message>
        <source>updating the shop file…</source>
        <translation>កំពុង​ធ្វើ​បច្ចុប្បន្នភាព​ឯកសារ​ហាង…</translation>
    </message>
    <message>
        <source>making the shop file smaller…</source>
        <translation>កំពុង​បង្រួម​ទំហំ​ឯកសារ​ហាង…</translation>
    </message>
    <message>
        <source>%1 is a backup made by an older version of KPI Desk: it can only be seen after it is restored (File ▸ Backups).</source>
        <translation>%1 ជា​ការបម្រុងទុក​ដែល​ធ្វើ​ដោយ KPI Desk កំណែ​ចាស់​ជាង៖ អាច​មើល​វា​បាន​តែ​ក្រោយពេល​ស្ដារ​វា (ឯកសារ ▸ ការបម្រុងទុក)។</translation>
    </message>
    <message>
        <source>%1 is a backup. A backup is never changed: to use it, open its shop and restore it from File ▸ Backups.</source>
        <translation>%1 ជា​ការបម្រុងទុក។ ការបម្រុងទុក​មិន​ដែល​ត្រូវបាន​កែប្រែ​ទេ៖ ដើម្បី​ប្រើ​វា សូម​បើក​ហាង​របស់​វា ហើយ​ស្ដារ​វា​ពី ឯកសារ ▸ ការបម្រុងទុក។</translation>
    </message>
    <message>
        <source>%1 is empty (it holds nothing).</source>
        <translation>%1 ទទេ (គ្មាន​អ្វី​នៅក្នុង​នោះ​ទេ)។</translation>
    </message>
    <message>
        <source>%1 is missing.</source>
        <translation>រក​មិន​ឃើញ %1 ទេ។</translation>
    </message>
    <message>
        <source>&amp;Restore the newest backup</source>
        <translation>ស្ដារ​ការបម្រុងទុក​ថ្មី​បំផុត (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>ព្យាយាម​ម្តង​ទៀត (&amp;T)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Cannot open the shared shop</source>
        <translation>មិន​អាច​បើក​ហាង​ប្រើ​រួមគ្នា​បាន​ទេ</translation>
    </message>
    <message>
        <source>Cannot save in this shop file</source>
        <translation>មិន​អាច​រក្សាទុក​ក្នុង​ឯកសារ​ហាង​នេះ​បាន​ទេ</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>បើក​ជា​បាន​តែ​អាន (&amp;R)</translation>
    </message>
    <message>
        <source>Open it read-only?</source>
        <translation>បើក​វា​ជា​បាន​តែ​អាន​ឬ​ទេ?</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>ស្ដារ</translation>
    </message>
    <message>
        <source>Restore failed</source>
        <translation>ការស្ដារ​បរាជ័យ</translation>
    </message>
    <message>
        <source>Restore the newest backup, or start a new, empty shop in this file?</source>
        <translation>ស្ដារ​ការបម្រុងទុក​ថ្មី​បំផុត ឬ​ចាប់ផ្តើម​ហាង​ថ្មី​ទទេ​ក្នុង​ឯកសារ​នេះ?</translation>
    </message>
    <message>
        <source>Restore the newest good backup, %1? The damaged file will be kept beside it, unchanged.</source>
        <translation>ស្ដារ​ការបម្រុងទុក​ល្អ​ថ្មី​បំផុត ដែល%1 ឬ​ទេ? ឯកសារ​ដែល​ខូច​នឹង​ត្រូវ​រក្សាទុក​នៅក្បែរ​វា ដោយ​មិន​កែប្រែ។</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>កំពុង​ស្ដារ​ការបម្រុងទុក…</translation>
    </message>
    <message>
        <source>Server not answering</source>
        <translation>ម៉ាស៊ីន​មេ​មិន​ឆ្លើយតប</translation>
    </message>
    <message>
        <source>Shop file not found</source>
        <translation>រក​មិន​ឃើញ​ឯកសារ​ហាង</translation>
    </message>
    <message>
        <source>Start an &amp;empty shop</source>
        <translation>ចាប់ផ្តើម​ហាង​ទទេ (&amp;E)</translation>
    </message>
    <message>
        <source>The backup was restored. The shop now has %1 orders; the last sale is of %2.</source>
        <translation>ការបម្រុងទុក​ត្រូវបាន​ស្ដារ។ ឥឡូវនេះ​ហាង​មាន​ការបញ្ជាទិញ %1 ហើយ​ការលក់​ចុងក្រោយ​គឺ​ថ្ងៃ %2។</translation>
    </message>
    <message>
        <source>The damaged file was kept as %1.</source>
        <translation>ឯកសារ​ដែល​ខូច​ត្រូវបាន​រក្សាទុក​ជា %1។</translation>
    </message>
    <message>
        <source>The folder of %1 is not there. If the shop is on a USB stick, plug it in and choose Try again.</source>
        <translation>រក​មិន​ឃើញ​ថត​នៃ %1 ទេ។ បើ​ហាង​នៅលើ USB សូម​ដោត USB ហើយ​ជ្រើស «ព្យាយាម​ម្តង​ទៀត»។</translation>
    </message>
    <message>
        <source>The shop file must be updated for this version of KPI Desk, and a backup is made first. %1 Nothing was changed.</source>
        <translation>ឯកសារ​ហាង​ត្រូវ​ធ្វើ​បច្ចុប្បន្នភាព​សម្រាប់​កំណែ KPI Desk នេះ ហើយ​ការបម្រុងទុក​ត្រូវ​ធ្វើ​មុន​សិន។ %1 គ្មាន​អ្វី​ត្រូវបាន​កែប្រែ​ទេ។</translation>
    </message>
    <message>
        <source>This is a backup</source>
        <translation>នេះ​ជា​ការបម្រុងទុក</translation>
    </message>
    <message>
        <source>What it replaced (%1 orders) was backed up first as %2.</source>
        <translation>អ្វី​ដែល​វា​បាន​ជំនួស (ការបញ្ជាទិញ %1) ត្រូវបាន​បម្រុងទុក​មុន​សិន​ជា %2។</translation>
    </message>
    <message>
        <source>made on %1 (%2 orders, last sale %3)</source>
        <translation>ធ្វើ​នៅ %1 (ការបញ្ជាទិញ %2 ការលក់​ចុងក្រោយ %3)</translation>
    </message>
    <message>
        <source>Backups of this shop found: %1. The newest was %2, in %3.</source>
        <translation>បាន​រកឃើញ​ការបម្រុងទុក​របស់​ហាង​នេះ៖ %1។ ថ្មី​បំផុត​ត្រូវបាន%2 នៅក្នុង %3។</translation>
    </message>
    <message>
        <source>Enter the password of the shared shop.</source>
        <translation>សូម​បញ្ចូល​ពាក្យ​សម្ងាត់​របស់​ហាង​ប្រើ​រួមគ្នា។</translation>
    </message>
    <message>
        <source>The server did not accept the password kept for this shop. Enter it again.</source>
        <translation>ម៉ាស៊ីន​មេ​មិន​ទទួលយក​ពាក្យ​សម្ងាត់​ដែល​បាន​រក្សាទុក​សម្រាប់​ហាង​នេះ​ទេ។ សូម​បញ្ចូល​វា​ម្ដង​ទៀត។</translation>
    </message>
    <message>
        <source>Connection &amp;settings…</source>
        <translation>ការកំណត់​ការតភ្ជាប់… (&amp;S)</translation>
    </message>
    <message>
        <source>The shop&apos;s server at %1 does not answer, and this laptop has never reached it, so it has nothing to work from. Check that the server is on and that this laptop is on its network.</source>
        <translation>ម៉ាស៊ីនមេ​របស់​ហាង​នៅ %1 មិន​ឆ្លើយតប ហើយ​កុំព្យូទ័រ​យួរដៃ​នេះ​មិន​ធ្លាប់​ភ្ជាប់​ទៅ​វា​ទេ ដូច្នេះ​គ្មាន​ព័ត៌មាន​សម្រាប់​ធ្វើការ​ទេ។ សូម​ពិនិត្យ​ថា​ម៉ាស៊ីនមេ​បាន​បើក ហើយ​កុំព្យូទ័រ​យួរដៃ​នេះ​នៅក្នុង​បណ្ដាញ​របស់​វា។</translation>
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
        <translation>លទ្ធផល​ជាក់ស្ដែង៖ %1</translation>
    </message>
    <message>
        <source>Attainment: %1</source>
        <translation>ការសម្រេច​គោលដៅ៖ %1</translation>
    </message>
    <message>
        <source>No shop target: the sum of the salespeople&apos;s targets</source>
        <translation>គ្មាន​គោលដៅ​ហាង៖ ជា​ផលបូក​គោលដៅ​របស់​អ្នកលក់</translation>
    </message>
    <message>
        <source>Set target</source>
        <translation>កំណត់​គោលដៅ</translation>
    </message>
    <message>
        <source>Target removed.</source>
        <translation>បាន​ដក​គោលដៅ​ចេញ។</translation>
    </message>
    <message>
        <source>Target saved.</source>
        <translation>បាន​រក្សាទុក​គោលដៅ។</translation>
    </message>
    <message>
        <source>The target was refused (%1).</source>
        <translation>គោលដៅ​ត្រូវបាន​បដិសេធ (%1)។</translation>
    </message>
    <message>
        <source>“%1” is not a valid amount: type a number of zero or more, or clear the cell to remove the target.</source>
        <translation>«%1» មិន​មែន​ជា​ទឹកប្រាក់​ត្រឹមត្រូវ​ទេ៖ សូម​វាយ​លេខ​ចាប់ពី​សូន្យ​ឡើង​ទៅ ឬ​លុប​ក្រឡា​ចោល ដើម្បី​ដក​គោលដៅ​ចេញ។</translation>
    </message>
    <message>
        <source>Target %1 = %2 at %3 riel per dollar</source>
        <translation>គោលដៅ %1 = %2 តាម​អត្រា %3&#xa0;រៀល​ក្នុង​មួយ​ដុល្លារ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ខែ</translation>
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
        <translation>អតិថិជន​ថ្មី</translation>
    </message>
    <message>
        <source>Won opportunities</source>
        <translation>ឱកាស​លក់​បាន</translation>
    </message>
    <message>
        <source>&amp;Spread a yearly target…</source>
        <translation>ចែក​គោលដៅ​ប្រចាំ​ឆ្នាំ… (&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Copy last year&apos;s targets</source>
        <translation>ចម្លង​គោលដៅ​ឆ្នាំ​មុន (&amp;C)</translation>
    </message>
    <message>
        <source>Type a target in a cell and press Enter; clear it (Delete) to remove it. Under each target: the month&apos;s actual and its share of the target. A grey shop figure is the sum of the salespeople&apos;s targets. Ctrl+Z undoes.</source>
        <translation>វាយ​គោលដៅ​ក្នុង​ក្រឡា ហើយ​ចុច Enter។ ដើម្បី​ដក​គោលដៅ សូម​លុប​វា (Delete)។ ក្រោម​គោលដៅ​នីមួយៗ៖ លទ្ធផល​ជាក់ស្ដែង​នៃ​ខែ និង​ភាគរយ​នៃ​គោលដៅ។ តួលេខ​ហាង​ពណ៌​ប្រផេះ គឺជា​ផលបូក​គោលដៅ​របស់​អ្នកលក់។ ចុច Ctrl+Z ដើម្បី​ត្រឡប់​វិញ។</translation>
    </message>
    <message>
        <source>Year %1, whole shop: target %2, actual so far %3 (%4)</source>
        <translation>ឆ្នាំ %1 ហាង​ទាំងមូល៖ គោលដៅ %2 · លទ្ធផល​ជាក់ស្ដែង​រហូតមកដល់​ពេលនេះ %3 (%4)</translation>
    </message>
    <message>
        <source>Remove targets</source>
        <translation>ដក​គោលដៅ​ចេញ</translation>
    </message>
    <message>
        <source>Targets removed.</source>
        <translation>បាន​ដក​គោលដៅ​ចេញ។</translation>
    </message>
    <message>
        <source>Spread a yearly target</source>
        <translation>ចែក​គោលដៅ​ប្រចាំ​ឆ្នាំ</translation>
    </message>
    <message>
        <source>The targets were refused (%1).</source>
        <translation>គោលដៅ​ត្រូវបាន​បដិសេធ (%1)។</translation>
    </message>
    <message>
        <source>%1 has no targets to copy.</source>
        <translation>%1 គ្មាន​គោលដៅ​សម្រាប់​ចម្លង​ទេ។</translation>
    </message>
    <message>
        <source>Copy last year&apos;s targets</source>
        <translation>ចម្លង​គោលដៅ​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Copied %1 targets from %2.</source>
        <translation>បាន​ចម្លង​គោលដៅ %1 ពី %2។</translation>
    </message>
    <message>
        <source>Yearly target spread over the %1 months.</source>
        <translation>គោលដៅ​ប្រចាំ​ឆ្នាំ​ត្រូវបាន​ចែក​លើ %1&#xa0;ខែ។</translation>
    </message>
    <message>
        <source>Vie&amp;w:</source>
        <translation>បង្ហាញ (&amp;W)៖</translation>
    </message>
    <message>
        <source>Salespeople</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Product categories</source>
        <translation>ប្រភេទ​ទំនិញ</translation>
    </message>
    <message>
        <source>The shop has no product categories yet: add them in Settings ▸ Lists ▸ Product categories, then give each a target here.</source>
        <translation>ហាង​មិន​ទាន់​មាន​ប្រភេទ​ទំនិញ​នៅឡើយ​ទេ៖ សូម​បន្ថែម​វា​នៅក្នុង ការកំណត់ ▸ បញ្ជី ▸ ប្រភេទ​ទំនិញ រួច​កំណត់​គោលដៅ​ឱ្យ​ប្រភេទ​នីមួយៗ​នៅ​ទីនេះ។</translation>
    </message>
    <message>
        <source>Revenue target of each product category per month. Type in a cell and press Enter; Delete removes; Ctrl+V pastes cells copied from a spreadsheet. Under each target: the category&apos;s actual and its share. Ctrl+Z undoes.</source>
        <translation>គោលដៅ​ចំណូល​នៃ​ប្រភេទ​ទំនិញ​នីមួយៗ​ក្នុង​មួយ​ខែ។ វាយ​ក្នុង​ក្រឡា ហើយ​ចុច Enter។ ចុច Delete ដើម្បី​ដក​ចេញ។ ចុច Ctrl+V ដើម្បី​បិទ​ភ្ជាប់​ក្រឡា​ដែល​បាន​ចម្លង​ពី​តារាង​ដូចជា Excel។ ក្រោម​គោលដៅ​នីមួយៗ៖ លទ្ធផល​ជាក់ស្ដែង​នៃ​ប្រភេទ​ទំនិញ និង​ភាគរយ​នៃ​គោលដៅ។ ចុច Ctrl+Z ដើម្បី​ត្រឡប់​វិញ។</translation>
    </message>
    <message>
        <source>Year %1, all categories: target %2, actual so far %3 (%4)</source>
        <translation>ឆ្នាំ %1 ប្រភេទ​ទំនិញ​ទាំងអស់៖ គោលដៅ %2 · លទ្ធផល​ជាក់ស្ដែង​រហូតមកដល់​ពេលនេះ %3 (%4)</translation>
    </message>
    <message>
        <source>“%1” is not a number: nothing was pasted.</source>
        <translation>«%1» មិន​មែន​ជា​លេខ​ទេ៖ មិន​បាន​បិទ​ភ្ជាប់​អ្វី​ទេ។</translation>
    </message>
    <message>
        <source>Copy last year&apos;s category targets</source>
        <translation>ចម្លង​គោលដៅ​ប្រភេទ​ទំនិញ​ឆ្នាំ​មុន</translation>
    </message>
    <message>
        <source>Paste targets</source>
        <translation>បិទ​ភ្ជាប់​គោលដៅ</translation>
    </message>
    <message>
        <source>%1 targets pasted.</source>
        <translation>បាន​បិទ​ភ្ជាប់​គោលដៅ %1។</translation>
    </message>
</context>
<context>
    <name>UndoImport</name>
    <message>
        <source>%1 contacts</source>
        <translation>ទំនាក់ទំនង %1</translation>
    </message>
    <message>
        <source>%1 new customers</source>
        <translation>អតិថិជន​ថ្មី %1</translation>
    </message>
    <message>
        <source>%1 of these records were changed after the import. Remove them too, or keep them (and the customers and names they use)?</source>
        <translation>កំណត់​ត្រា %1 ក្នុង​ចំណោម​នេះ ត្រូវបាន​កែប្រែ​ក្រោយ​ការនាំចូល។ លុប​វា​ចោល​ដែរ ឬ​រក្សាទុក​វា (ព្រមទាំង​អតិថិជន និង​ឈ្មោះ​ដែល​វា​ប្រើ)?</translation>
    </message>
    <message>
        <source>%1 opportunities</source>
        <translation>ឱកាស​លក់ %1</translation>
    </message>
    <message>
        <source>%1 sales lines in %2 orders</source>
        <translation>ការលក់ %1&#xa0;ជួរ ក្នុង​ការបញ្ជាទិញ %2</translation>
    </message>
    <message>
        <source>%1 targets</source>
        <translation>គោលដៅ %1</translation>
    </message>
    <message>
        <source>&amp;Keep the changed ones</source>
        <translation>រក្សាទុក​កំណត់​ត្រា​ដែល​បាន​កែ (&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Remove them too</source>
        <translation>លុប​វា​ចោល​ដែរ (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo import</source>
        <translation>មិន​ធ្វើ​ការនាំចូល​វិញ (&amp;U)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>បោះបង់</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>នាំចូល %1</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>ឥឡូវនេះ</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>ឱកាស​លក់</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>កំណត់​ត្រា</translation>
    </message>
    <message>
        <source>Removing what the import added…</source>
        <translation>កំពុង​លុប​អ្វី​ដែល​ការនាំចូល​បាន​បន្ថែម…</translation>
    </message>
    <message>
        <source>Sale</source>
        <translation>ការលក់</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>The import could not be undone. Nothing was changed.</source>
        <translation>មិន​អាច​ត្រឡប់​ការនាំចូល​វិញ​បាន​ទេ។ គ្មាន​អ្វី​ត្រូវបាន​ផ្លាស់ប្តូរ​ទេ។</translation>
    </message>
    <message>
        <source>This import was already undone.</source>
        <translation>ការនាំចូល​នេះ​ត្រូវបាន​ត្រឡប់​វិញ​រួចហើយ។</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>មិន​ធ្វើ​ការនាំចូល​វិញ</translation>
    </message>
    <message>
        <source>Undo the import of %1 (%2, %3)? It removes what the import added: %4.</source>
        <translation>ត្រឡប់​ការនាំចូល %1 (%2, %3) វិញ​មែន​ទេ? វា​នឹង​លុប​អ្វី​ដែល​ការនាំចូល​បាន​បន្ថែម៖ %4។</translation>
    </message>
    <message>
        <source>a whole shop</source>
        <translation>ហាង​ទាំងមូល</translation>
    </message>
    <message>
        <source>contacts</source>
        <translation>ទំនាក់ទំនង</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>គ្មាន​អ្វី​ថ្មី​ទេ</translation>
    </message>
    <message>
        <source>opportunities</source>
        <translation>ឱកាស​លក់</translation>
    </message>
    <message>
        <source>sales</source>
        <translation>ការលក់</translation>
    </message>
    <message>
        <source>targets</source>
        <translation>គោលដៅ</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>… និង %1 ទៀត។</translation>
    </message>
</context>
<context>
    <name>WinbackModel</name>
    <message>
        <source>Salesperson</source>
        <translation>អ្នកលក់</translation>
    </message>
    <message>
        <source>Called</source>
        <translation>បាន​ហៅ</translation>
    </message>
    <message>
        <source>Won back</source>
        <translation>ទាញ​មកវិញ​បាន</translation>
    </message>
    <message>
        <source>Win-back rate</source>
        <translation>អត្រា​ទាញ​អតិថិជន​មកវិញ</translation>
    </message>
    <message>
        <source>Recovered revenue</source>
        <translation>ចំណូល​ដែល​បាន​មកវិញ</translation>
    </message>
    <message>
        <source>(no salesperson)</source>
        <translation>(គ្មាន​អ្នកលក់)</translation>
    </message>
    <message>
        <source>Whole shop</source>
        <translation>ហាង​ទាំងមូល</translation>
    </message>
</context>
</TS>
