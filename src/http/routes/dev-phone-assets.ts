// What the phone simulator serves besides its pages: a real JPEG (48×64, a sketch of a paper
// document) that "Send a photo" attaches, the stylesheet of the conversation view, and the tiny
// script that brings new replies in without reloading the page (so a half-typed text stays).
// Files, not inline code: the app's Content-Security-Policy allows scripts and styles from 'self' only.

const SAMPLE_JPEG_BASE64 =
  '/9j/2wBDAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIfIiEmKzcvJik0KSEiMEExNDk7Pj4+JS5ESUM8SDc9Pjv/' +
  '2wBDAQoLCw4NDhwQEBw7KCIoOzs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozv/wAAR' +
  'CABAADADASIAAhEBAxEB/8QAGgAAAgMBAQAAAAAAAAAAAAAAAAQFBgcCA//EADQQAAAEAwUFBwIHAAAAAAAAAAABAgMEBRES' +
  'ExQhVQYxQVGkFRYmZKPh8CIyIzRhgZTR0v/EABcBAQEBAQAAAAAAAAAAAAAAAAEAAgP/xAAcEQADAQEAAwEAAAAAAAAAAAAA' +
  'AQIRAyExUfD/2gAMAwEAAhEDEQA/ANiAFphB4+Bchry7t0+qlaUMj3fsITuj570vcCSIsgBW+6PnvS9wd0fPel7hxfS1lkAE' +
  'ZVLuzIVTF7e2lmutmzwIuf6B4ZE8ohDrjCkMPXLh0ouySqZ8jCWBmusdMkMzDC4FzG/l8re/mVN2e+ghPC3y9CgZJYGa6x0y' +
  'QYGa6x0yRG+Fvl6Dwt8vRr96AksDNdY6ZIdh0OtsJQ+9fOFWq7JJrnyIQTbezDzqGmyqtaiSkvxMzMTsPDtQrCWGEWG01oVT' +
  'OmdeIyxQRC3W2FLYZvnCpRFok1z5mEsdNdH6lIdiEOuMKQw9cuHSi7JKpnyMJYGa6x0yRIgx010fqUgx010fqUgwM11jpkjp' +
  'uDmSXUKcmttBKI1Jw6StFyrwD4I5x010fqUh2HW64wlb7Ny4daotEqmfMh6gGSAAACEBnm1O1M6l20UVCQkbdst2LKbpB0qh' +
  'JnmZV3mY0MJvymWxLynoiXwrzqvuW4ylSj4bzIdeVzFbS059JqlkvDMe++0Wo+i3/kaHstHRMx2dhYuLcvHnLdpVkirRaiLI' +
  'stxEGOwZPpMD/HR/QbYYZhmUsw7SGWk/ahtJJSXHcQ316xc5M4Y587l7T0//2Q==';

/** The bytes of the sample photo: a baseline JFIF-less JPEG (FF D8 FF DB …), 766 bytes. */
export const sampleJpeg = (): Uint8Array => Uint8Array.from(atob(SAMPLE_JPEG_BASE64), (ch) => ch.charCodeAt(0));

/** The conversation view: the person's texts on one side, what they received on the other. */
export const PHONE_CSS = `.phone { max-width: 26rem; }
#thread { list-style: none; margin: 1rem 0; padding: 0; display: flex; flex-direction: column; gap: 0.5rem; }
#thread li { max-width: 85%; padding: 0.5rem 0.75rem; border-radius: 1rem; }
#thread .received { align-self: flex-start; background: #e9e9eb; color: #111; }
#thread .sent { align-self: flex-end; background: #0b5cad; color: #fff; }
#thread .text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
#thread .meta { display: block; font-size: 0.75rem; opacity: 0.85; }
#thread img { display: block; width: 6rem; height: auto; margin: 0.25rem 0; border-radius: 0.5rem; }
.phone textarea { display: block; width: 100%; box-sizing: border-box; font: inherit; }
.phone button { margin: 0.5rem 0.5rem 0 0; font: inherit; }
`;

/**
 * Every 3 seconds, fetches this page again and swaps in its thread when it changed. Without
 * JavaScript the page's <noscript> refresh does the same by reloading.
 */
export const PHONE_JS = `(() => {
  const thread = document.getElementById('thread');
  if (!thread) return;
  const refresh = async () => {
    try {
      const res = await fetch(location.href, { cache: 'no-store', credentials: 'same-origin' });
      if (!res.ok) return;
      const next = new DOMParser().parseFromString(await res.text(), 'text/html').getElementById('thread');
      if (next && next.innerHTML !== thread.innerHTML) {
        thread.replaceChildren(...next.childNodes);
        thread.lastElementChild?.scrollIntoView({ block: 'nearest' });
      }
    } catch {
      // offline or restarting: try again next time
    }
  };
  setInterval(refresh, 3000);
})();
`;
