/** How a request arrived; the answer goes back the same way (docs/design.md §1.2, 002 §13.2). */
export const CHANNELS = ['email', 'post', 'in_person', 'api', 'web_form'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGES = ['lt', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
