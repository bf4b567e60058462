import type { CommandEnv } from '../../cli/command.js';
import { addCommunity } from '../../domain/geo/communities.js';
import { NuanxinError } from '../../errors.js';

/** The community an error says does not exist (a station's refusal or a worker's), if that is what it says. */
export function unknownCommunityIn(error: unknown): string | undefined {
  if (!(error instanceof NuanxinError)) return undefined;
  if (error.key === 'community.not_found' || error.key === 'community.not_found_suggest') return String(error.params.name);
  if (error.key === 'reject.community' || error.key === 'reject.community_suggest') return String(error.params.value);
  return undefined;
}

/**
 * On a terminal, a community typed that does not exist is offered for
 * creation, with the 街道 it belongs to; true when it was created (the
 * command then tries again). Off a terminal the refusal stands.
 */
export async function offerCommunity(env: CommandEnv, name: string): Promise<boolean> {
  if (!env.interactive) return false;
  const { t, prompter } = env;
  if (!(await prompter.confirm({ message: t('prompt.community_create', { name }), default: true }))) return false;
  const subdistrict = await prompter.input({ message: t('prompt.subdistrict', { name }) });
  await env.withDb((ctx) => addCommunity(ctx, { name, subdistrict }));
  env.note(t('community.created', { name }));
  return true;
}

/** Runs `write`; when it is refused for an unknown community the clerk agrees to add, adds it and runs `write` once more. */
export async function withCommunityOffer<T>(env: CommandEnv, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const name = unknownCommunityIn(error);
    if (name && (await offerCommunity(env, name))) return write();
    throw error;
  }
}
