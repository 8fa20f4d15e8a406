/**
 * Ribbon function commands: the manifest's FunctionFile (commands.html) loads this bundle, and
 * each ExecuteFunction button names a function registered here with `Office.actions.associate`.
 */

/**
 * "Refresh reports" (manifest FunctionName `refreshReports`). It will rerun the last analysis
 * with the settings saved in the workbook; until that exists it completes at once, so Office
 * does not show the command as still running.
 */
export function refreshReports(event: Office.AddinCommands.Event): void {
  event.completed();
}

Office.actions.associate('refreshReports', refreshReports);
