/**
 * Which part of an e-mail is the request. A reply quotes the controller's earlier text (our own
 * acknowledgement names every right), so quoted blocks are someone else's words and never make a
 * request; a forwarded message, by contrast, *is* the request (a colleague or the subject forwards
 * what they wrote before), so its text is read.
 */

const FORWARD_SUBJECT = /^\s*(?:(?:re|aw|sv|ats)\s*:\s*)*(?:fwd?|fw|prs|pers\w*)\s*:/i;
/** Markers that start a forwarded message (Gmail, Thunderbird, Apple Mail, Lithuanian clients). */
const FORWARD_MARKER = /^\s*(?:-{2,}\s*(?:forwarded message|persiųstas laiškas|persiunčiamas laiškas|persiustas laiskas)\s*-{2,}|begin forwarded message:|-{2,}\s*original message\s*-{2,}|_{10,})\s*$/i;
/** Markers that start quoted earlier mail in a reply ("On … wrote:", "… rašė:", Outlook's header block). */
const REPLY_MARKER = /^\s*(?:on\b.{3,200}\bwrote:|.{3,200}\b(?:rašė|parašė|rase|parase):|-{2,}\s*(?:original message|originalus laiškas|originalus laiskas)\s*-{2,}|_{10,})\s*$/i;
const HEADER_LINE = /^\s*(?:from|sent|date|to|cc|subject|nuo|kam|išsiųsta|issiusta|data|tema|siuntėjas|gavėjas)\s*:/i;
const OUTLOOK_FROM = /^\s*(?:from|nuo|siuntėjas|siuntejas)\s*:\s*\S/i;
const OUTLOOK_SENT = /^\s*(?:sent|išsiųsta|issiusta|date|data)\s*:\s*\S/i;
const SUBJECT_LINE = /^\s*(?:subject|tema)\s*:\s*(.*)$/i;

/**
 * The words of the request: the sender's own lines, plus a forwarded message's body and subject;
 * reply quotes (`> …` lines, or everything after "On … wrote:" in a reply) are left out.
 * Example: `requestText('Fwd: prašymas', 'Žr. žemiau\n---------- Forwarded message ---------\nFrom: a@b.lt\nSubject: Prašymas\n\nPrašau ištrinti mano duomenis')`
 * → `'Žr. žemiau\nPrašymas\nPrašau ištrinti mano duomenis'` (with the subject line first).
 */
export function requestText(subject: string, body: string): string {
  const forwardedSubject = FORWARD_SUBJECT.test(subject);
  const cleanSubject = subject.replace(/^\s*(?:(?:re|aw|sv|ats|fwd?|fw|prs|pers\w*)\s*:\s*)+/i, '');
  const lines = body.split(/\r?\n/);
  const kept: string[] = [cleanSubject];
  let mode: 'own' | 'forwarded' | 'quoted' = 'own';
  for (const [n, line] of lines.entries()) {
    // Outlook quotes a reply with a bare header block ("From: … / Sent: …", "Nuo: … / Išsiųsta: …") and no separator line.
    if (mode === 'own' && OUTLOOK_FROM.test(line) && OUTLOOK_SENT.test(lines[n + 1] ?? '')) {
      mode = forwardedSubject ? 'forwarded' : 'quoted';
      continue;
    }
    if (mode !== 'quoted' && FORWARD_MARKER.test(line) && (forwardedSubject || /forward|persi|begin/i.test(line))) {
      mode = 'forwarded';
      continue;
    }
    if (mode === 'own' && REPLY_MARKER.test(line)) {
      // "-----Original Message-----" under a "FW:" subject is Outlook's forward, not a reply quote.
      mode = forwardedSubject ? 'forwarded' : 'quoted';
      continue;
    }
    if (mode === 'quoted') continue;
    if (mode === 'forwarded') {
      const subjectLine = SUBJECT_LINE.exec(line);
      if (subjectLine) {
        kept.push(subjectLine[1] ?? '');
        continue;
      }
      if (HEADER_LINE.test(line)) continue;
      // A forward of a reply: the forwarded message's own quotes are still not the request.
      if (REPLY_MARKER.test(line)) {
        mode = 'quoted';
        continue;
      }
    }
    const trimmed = line.trimStart();
    if (trimmed.startsWith('>')) {
      // Some clients forward with "> " on every line; under a forward subject those lines are the request.
      if (forwardedSubject && mode !== 'own') kept.push(trimmed.replace(/^(?:>\s?)+/, ''));
      continue;
    }
    kept.push(line);
  }
  return kept.join('\n');
}
