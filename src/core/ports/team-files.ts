/** A coach's or admin's team files on the team server: the team's attempts exported, a team file imported. */

export type TeamFileFormat = 'json' | 'csv';

export interface TeamFile {
  filename: string;
  text: string;
  /** The file's media type, for the download. */
  type: string;
}

export type TeamImportOutcome =
  | { ok: true; added: number; updated: number; unchanged: number }
  /** Every problem, each naming its attempt; nothing was stored. */
  | { ok: false; errors: string[] };

export interface TeamFiles {
  /** The attempts of every team the signed-in coach coaches (an admin: every attempt). Throws with a plain message. */
  exportTeam(format: TeamFileFormat): Promise<TeamFile>;
  /**
   * Sends a file to be checked whole and stored there (the page never reads it); `fileName` is
   * shown beside what it brings.
   */
  importTeam(file: Blob | string, fileName: string): Promise<TeamImportOutcome>;
}
