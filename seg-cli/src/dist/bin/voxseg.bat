@echo off
rem voxseg launcher for Windows: Java 17 or newer from JAVA_HOME, else from PATH; JAVA_OPTS and VOXSEG_OPTS are
rem passed to the JVM (-Xmx... replaces the default heap of half the machine's memory).
setlocal
set "VOXSEG_HOME=%~dp0.."
if defined JAVA_HOME (
  set "VOXSEG_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "VOXSEG_JAVA=java.exe"
)
where /q "%VOXSEG_JAVA%" 2>nul || if not exist "%VOXSEG_JAVA%" (
  echo voxseg: no Java found ^(JAVA_HOME, then PATH^); install Java 17 or newer or set JAVA_HOME 1>&2
  exit /b 1
)
set "VOXSEG_HEAP=-XX:MaxRAMPercentage=50"
echo %JAVA_OPTS% %VOXSEG_OPTS% | findstr /c:"-Xmx" /c:"MaxRAMPercentage" >nul && set "VOXSEG_HEAP="
"%VOXSEG_JAVA%" %VOXSEG_HEAP% %JAVA_OPTS% %VOXSEG_OPTS% -cp "%VOXSEG_HOME%\lib\*" org.voxseg.cli.VoxsegMain %*
exit /b %ERRORLEVEL%
