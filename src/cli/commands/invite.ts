import { createInvitation } from '../../usecases/auth/invitations.ts';
import { EXIT, type CommandContext } from '../command.ts';

/** `invite ID`: a one-time sign-in link for a client (valid 7 days), to give them by hand. */
export const inviteCommand = async (ctx: CommandContext, clientId: string): Promise<number> => {
  const r = await createInvitation(ctx.deps, ctx.actor, { clientId });
  if (!r.ok) {
    ctx.io.err(ctx.say(r.code === 'not_found' ? 'cli.client_not_found' : 'errors.forbidden', { id: clientId }));
    return EXIT.failed;
  }
  const url = new URL(r.value.path, ctx.publicUrl).toString();
  ctx.io.out(ctx.say('cli.invite_link', { url, expires: new Date(r.value.expiresAt).toISOString() }));
  return EXIT.ok;
};
