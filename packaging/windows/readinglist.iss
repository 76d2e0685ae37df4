; Inno Setup script for the Windows installer of Reading List.
;
; Built but NOT tested here (the project is developed and tested on Linux).
; Steps, on Windows, from the repository root:
;   1. py -3.11 -m venv .venv && .venv\Scripts\pip install -e ".[package]"
;   2. .venv\Scripts\python -m PyInstaller --noconfirm packaging\readinglist.spec
;      -> dist\readinglist\readinglist.exe (windowed) and readinglist-cli.exe (console)
;   3. iscc /DAppVersion=0.1.0 packaging\windows\readinglist.iss
;      -> dist\ReadingList-0.1.0-setup.exe
; AppVersion defaults to the value below; pass /DAppVersion= with readinglist.__version__.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Reading List"
#define AppExe "readinglist.exe"
#define SourceDir "..\..\dist\readinglist"

[Setup]
AppId={{5D3B7C1E-8E0A-4C1B-9B5F-2A6E4F7D9C31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Reading List developers
DefaultDirName={autopf}\Reading List
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=ReadingList-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\readinglist.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Per-user install by default (no admin needed); the user may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with > Reading List" for PDF files (not the default handler).
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "ReadingList.pdf"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\ReadingList.pdf"; ValueType: string; ValueName: ""; ValueData: "PDF document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\ReadingList.pdf\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\ReadingList.pdf\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
