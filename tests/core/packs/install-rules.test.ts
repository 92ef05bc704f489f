import { describe, expect, it } from 'vitest';
import { decideInstall } from '../../../src/core/packs/index.ts';

const core = {
  id: 'cms-core',
  version: '1.10.0',
  text: 'core',
  scenarioIds: ['bogus-caller', 'first-contact'],
};

describe('decideInstall: one set of rules for every pack install', () => {
  it('refuses a pack that brings another pack’s scenario id (no takeover of bogus-caller)', () => {
    const d = decideInstall([core], {
      id: 'innocent-pack',
      version: '1.0.0',
      text: 'x',
      scenarioIds: ['bogus-caller'],
    });
    expect(d).toMatchObject({ kind: 'refuse', path: 'scenarios' });
    expect(d.kind === 'refuse' && d.message).toMatch(/"bogus-caller" belongs to the installed pack cms-core/);
  });

  it('refuses an older version (the editor saving 0.0.1 over 1.10.0)', () => {
    const d = decideInstall([core], { ...core, version: '0.0.1', text: 'edited' });
    expect(d).toMatchObject({ kind: 'refuse', path: 'version' });
  });

  it('asks before replacing with a newer version, never replaces silently', () => {
    expect(decideInstall([core], { ...core, version: '1.11.0', text: 'edited' })).toEqual({
      kind: 'confirm-replace',
      installed: '1.10.0',
    });
  });

  it('refuses changed content under the same version, which would change how old attempts replay', () => {
    expect(decideInstall([core], { ...core, text: 'edited' })).toMatchObject({
      kind: 'refuse',
      path: 'version',
    });
    expect(decideInstall([core], core)).toEqual({ kind: 'unchanged' });
  });

  it('installs a new pack with scenarios of its own', () => {
    expect(
      decideInstall([core], { id: 'mine', version: '1.0.0', text: 't', scenarioIds: ['my-call'] }),
    ).toEqual({
      kind: 'install',
    });
  });
});
