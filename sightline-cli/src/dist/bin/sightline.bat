@echo off
rem Sightline, from the release archive: runs the command line with the jars in ..\lib on a Java 17+
rem runtime (JAVA_HOME's, else the one on PATH). JAVA_OPTS is passed to java.
setlocal
set "SIGHTLINE_LIB=%~dp0..\lib"
if defined JAVA_HOME (
  set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
) else (
  set "JAVA_EXE=java.exe"
)
"%JAVA_EXE%" -version >nul 2>&1
if errorlevel 1 (
  echo sightline: no Java runtime found: install Java 17 or newer, or set JAVA_HOME 1>&2
  exit /b 1
)
set "SIGHTLINE_GC=-XX:+UseParallelGC"
rem On 2 cores or fewer the serial collector: its single thread does not compete with the work.
if %NUMBER_OF_PROCESSORS% LEQ 2 set "SIGHTLINE_GC=-XX:+UseSerialGC"
echo.%JAVA_OPTS% | findstr /c:"GC" >nul && set "SIGHTLINE_GC="
"%JAVA_EXE%" %SIGHTLINE_GC% -XX:+ExitOnOutOfMemoryError %JAVA_OPTS% -cp "%SIGHTLINE_LIB%\*" org.sightline.cli.Sightline %*
exit /b %ERRORLEVEL%
