/** What a sink reports about one report sheet it wrote (both sinks: xlsx and Excel). */
export interface WrittenSheet {
  readonly key: string;
  /** The name the model asked for. */
  readonly requestedName: string;
  /** The name in the workbook: differs when a user's sheet already had the wanted name. */
  readonly name: string;
}

/** A report table that got another name because the workbook already had one of that name. */
export interface RenamedTable {
  readonly sheetKey: string;
  readonly requestedName: string;
  readonly name: string;
}
