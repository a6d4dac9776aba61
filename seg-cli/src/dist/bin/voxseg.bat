@echo off
rem voxseg launcher for Windows: Java 17 or newer from JAVA_HOME, else from PATH; JAVA_OPTS and VOXSEG_OPTS are
rem passed to the JVM (-Xmx... replaces the default heap of half the machine's memory). Written for cmd.exe; the
rem POSIX launcher beside it is the one this project's CI runs.
setlocal
set "VOXSEG_HOME=%~dp0.."
if defined JAVA_HOME (
  set "VOXSEG_JAVA=%JAVA_HOME%\bin\java.exe"
  set "VOXSEG_WHERE=JAVA_HOME=%JAVA_HOME%"
) else (
  set "VOXSEG_JAVA=java.exe"
  set "VOXSEG_WHERE=PATH"
)
if defined JAVA_HOME (
  if not exist "%VOXSEG_JAVA%" goto nojava
) else (
  where /q java.exe || goto nojava
)
set "VOXSEG_VERSION="
for /f "tokens=3" %%v in ('"%VOXSEG_JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do set "VOXSEG_VERSION=%%~v"
set "VOXSEG_MAJOR=0"
for /f "delims=." %%m in ("%VOXSEG_VERSION%") do set "VOXSEG_MAJOR=%%m"
if "%VOXSEG_MAJOR%"=="1" set "VOXSEG_MAJOR=0"
if %VOXSEG_MAJOR% LSS 17 (
  echo voxseg: %VOXSEG_JAVA% ^(%VOXSEG_WHERE%^) is Java %VOXSEG_VERSION%; voxseg needs Java 17 or newer ^(set JAVA_HOME^) 1>&2
  exit /b 1
)
set "VOXSEG_HEAP=-XX:MaxRAMPercentage=50"
echo %JAVA_OPTS% %VOXSEG_OPTS% | findstr /c:"-Xmx" /c:"MaxRAMPercentage" >nul && set "VOXSEG_HEAP="
"%VOXSEG_JAVA%" %VOXSEG_HEAP% %JAVA_OPTS% %VOXSEG_OPTS% -cp "%VOXSEG_HOME%\lib\*" org.voxseg.cli.VoxsegMain %*
exit /b %ERRORLEVEL%

:nojava
echo voxseg: no Java found ^(looked in %VOXSEG_WHERE%^); install Java 17 or newer or set JAVA_HOME 1>&2
exit /b 1
