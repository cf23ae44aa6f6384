// What a caseworker typed in Slack, as plain text for the client's phone: Slack's markup
// (<https://x|label>, <@U123>, <#C1|general>, <!here>) and its HTML escapes (&amp; &lt; &gt;)
// are not the caseworker's words and must never reach a client (a user id is an internal detail).
export const slackTextToPlain = (text: string): string =>
  text
    .replace(/<([^<>]*)>/g, (_m, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (target.startsWith('@') || target.startsWith('!')) return '';
      if (target.startsWith('#')) return label ? `#${label}` : '';
      if (target.startsWith('mailto:')) return label ?? target.slice('mailto:'.length);
      return label ?? target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
