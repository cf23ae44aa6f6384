// The parent message of a client's thread: who the client is, which language they read, how a
// reply reaches them, and whether texts to them must stay neutral. Everything about the client
// then lands in this thread, and a caseworker's reply in it goes to the client.
import type { Translate } from '../../../src/ports/translator.ts';
import { context, fallback, header, section } from './blocks.ts';
import { NOTE_PREFIX } from './ids.ts';
import { channelName, languageName, listOf, STAFF_LOCALE, texts } from './text.ts';
import type { SlackMessage, ThreadHeaderData } from './types.ts';

export const threadHeader = (t: Translate, data: ThreadHeaderData, locale: string = STAFF_LOCALE): SlackMessage => {
  const tx = texts(t, locale);
  const client = data.clientName;
  const channels = [...new Set(data.channels)].map((c) => channelName(tx, c));
  const facts = [
    tx.md('thread.language', { language: languageName(tx, data.language) }),
    channels.length ? tx.md('thread.channels', { channels: listOf(locale, channels) }) : tx.md('thread.no_channels'),
  ];
  return {
    text: fallback(tx.md('thread.fallback', { client })),
    blocks: [
      header(client),
      context(...facts),
      ...(data.neutral ? [section(`:zipper_mouth_face: ${tx.md('thread.neutral')}`)] : []),
      context(tx.md('thread.how_to_reply', { client, prefix: `\`${NOTE_PREFIX}\`` })),
    ],
  };
};
