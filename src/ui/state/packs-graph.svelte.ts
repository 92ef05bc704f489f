// The scenario graph on its page: lays the structure out and holds the result while the page is open.
import { messageOf } from '../../core/message-of.ts';
import { layoutStructure, type Positioned } from './graph-layout.ts';
import type { ScenarioStructure } from './scenario-structure.ts';

/** Holds one scenario's layout while its page is open. */
export class GraphView {
  layout = $state.raw<Positioned | null>(null);
  failed = $state<string | null>(null);

  async draw(structure: ScenarioStructure): Promise<void> {
    this.layout = null;
    this.failed = null;
    try {
      this.layout = await layoutStructure(structure);
    } catch (error) {
      this.failed = messageOf(error);
    }
  }
}
