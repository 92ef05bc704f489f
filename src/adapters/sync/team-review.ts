// A coach's review table read from the team server: GET /api/attempts filters, sorts and pages in the
// database (src/server/attempts/review-query.ts), GET /api/attempts/options lists the filters'
// choices. The browser holds one page of heads at a time, however many attempts the team has.
import type { AttemptHead, ReviewPage, ReviewPageQuery, ReviewPages } from '../../core/ports/index.ts';
import {
  scenarioChoiceKey,
  withScenarioLabels,
  type FilterOptions,
  type ScenarioRef,
} from '../../core/review/index.ts';
import type { Api } from './api-client.ts';

/** A head as the server sends it: the table's fields, plus columns the app's head leaves out. */
export type ServerHead = AttemptHead & {
  score?: number | null;
  passed?: boolean | null;
  misunderstood?: number;
};

export function headFromServer(h: ServerHead): AttemptHead {
  const { id, trainee, packId, packVersion, scenarioId, scenarioTitle, mode, startedAt, status, summary } = h;
  const head = {
    id,
    trainee,
    packId,
    packVersion,
    scenarioId,
    scenarioTitle,
    mode,
    startedAt,
    status,
    summary,
  };
  return h.misunderstood ? { ...head, misunderstood: h.misunderstood } : head;
}

/** The filters' choices as GET /api/attempts/options sends them. */
interface ServerOptions extends Omit<FilterOptions, 'scenarios'> {
  scenarios: (ScenarioRef & { title: string })[];
}

/** The query string for one page: the table's filter and sort under the API's names. */
export function pageSearch(q: ReviewPageQuery): string {
  const f = q.filter;
  const params = new URLSearchParams();
  const add = (name: string, value: string | undefined) => {
    if (value) params.set(name, value);
  };
  add('trainee', f.trainee);
  add('pack', f.scenario?.packId);
  add('scenario', f.scenario?.scenarioId);
  add('from', f.from);
  add('to', f.to);
  add('ending', f.ending);
  params.set('sort', q.sort);
  params.set('order', q.dir);
  params.set('limit', String(q.limit));
  params.set('offset', String(q.offset));
  return params.toString();
}

export function teamReviewPages(api: Api): ReviewPages {
  return {
    async page(query: ReviewPageQuery): Promise<ReviewPage> {
      const page = await api.request<{ total: number; items: ServerHead[] }>(
        'GET',
        `/api/attempts?${pageSearch(query)}`,
      );
      return { heads: page.items.map(headFromServer), total: page.total };
    },
    async options(): Promise<FilterOptions> {
      const options = await api.request<ServerOptions>('GET', '/api/attempts/options');
      // One choice per pack and scenario (a scenario renamed between versions is listed once).
      const seen = new Set<string>();
      const scenarios = options.scenarios.filter((s) => {
        const key = scenarioChoiceKey(s);
        return !seen.has(key) && Boolean(seen.add(key));
      });
      return { ...options, scenarios: withScenarioLabels(scenarios) };
    },
  };
}
