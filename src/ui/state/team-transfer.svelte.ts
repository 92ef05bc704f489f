// A signed-in coach's export and import on the review page: the team's attempts come from the team
// server (JSON lossless, CSV formula-safe), and a team file goes to it, checked whole there.
import type { TeamFileFormat, TeamFiles } from '../../core/ports/index.ts';
import { REVIEW_LIMITS, tooBig } from '../../core/review/index.ts';
import { messageOf } from '../../core/message-of.ts';
import { download } from './download.ts';

export interface TeamTransferDeps {
  files: () => Promise<TeamFiles>;
  /** Called after an import stored something, so the table reads the team's attempts again. */
  changed: () => Promise<void>;
  save?: (filename: string, text: string, type: string) => void;
}

export interface TeamImportReport {
  added: number;
  updated: number;
  unchanged: number;
}

export class TeamTransfer {
  busy = $state(false);
  exportError = $state<string | null>(null);
  importErrors = $state.raw<string[]>([]);
  report = $state.raw<TeamImportReport | null>(null);
  #deps: TeamTransferDeps;

  constructor(deps: TeamTransferDeps) {
    this.#deps = deps;
  }

  async exportTeam(format: TeamFileFormat): Promise<void> {
    this.exportError = null;
    this.busy = true;
    try {
      const file = await (await this.#deps.files()).exportTeam(format);
      (this.#deps.save ?? download)(file.filename, file.text, file.type);
    } catch (e) {
      this.exportError = `The team's attempts could not be exported: ${messageOf(e)}`;
    } finally {
      this.busy = false;
    }
  }

  /** Sends a chosen file to the team server; a file over the limit is refused before it is read. */
  async importFile(file: File): Promise<void> {
    this.importErrors = [];
    this.report = null;
    if (file.size > REVIEW_LIMITS.maxFileBytes) {
      this.importErrors = [tooBig(file.size)];
      return;
    }
    this.busy = true;
    try {
      const outcome = await (await this.#deps.files()).importTeam(file, file.name);
      if (!outcome.ok) this.importErrors = outcome.errors;
      else {
        this.report = { added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged };
        if (outcome.added || outcome.updated) await this.#deps.changed();
      }
    } catch (e) {
      this.importErrors = [`Nothing was imported: ${messageOf(e)}`];
    } finally {
      this.busy = false;
    }
  }
}
