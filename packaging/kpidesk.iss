; Inno Setup 6 script: the Windows installer for KPI Desk.
;
; Build the one-folder bundle first (pyinstaller --noconfirm build.spec -> dist\kpidesk\),
; then, from the repository root:
;     iscc /DAppVersion=0.1.0 packaging\kpidesk.iss
; The installer is written to dist\KPI-Desk-<version>-setup.exe.
;
; It installs for the current user by default (no administrator rights needed: a shop
; laptop often has none) or for all users when started as administrator / chosen in
; the dialog; adds a Start-menu entry (and an optional desktop icon); uninstalls
; cleanly. The shop files in %APPDATA%\kpidesk are the user's data and are never
; removed by the uninstaller.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "KPI Desk"
#define AppExeName "kpidesk.exe"
#define SourceDir "..\dist\kpidesk"

[Setup]
; AppId identifies the app for upgrades and uninstall: never change it.
AppId={{F2942D82-228D-475C-A924-8918BF868ED2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=KPI Desk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\KPI Desk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=KPI-Desk-{#AppVersion}-setup
SetupIconFile=..\resources\icons\kpidesk.ico
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: kpidesk.exe and _internal\ (Qt, Python, fonts, translations).
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\resources\fonts\OFL.txt"; DestDir: "{app}\licences"; DestName: "Noto-fonts-OFL.txt"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Comment: "Sales KPIs for small shops, in Khmer and English"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there; the user's shop files live in %APPDATA% and stay.
Type: filesandordirs; Name: "{app}\_internal"
