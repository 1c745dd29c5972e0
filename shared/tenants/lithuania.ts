/**
 * Facts shared by every Lithuanian controller: one supervisory authority, one time zone, one
 * holiday calendar. Tenant files spread these rather than repeat them.
 */
export const LITHUANIA = {
  timeZone: 'Europe/Vilnius',
  holidayCountry: 'LT',
  /** Valstybinė duomenų apsaugos inspekcija (GDPR Art. 51, 77); its current address. */
  supervisoryAuthority: {
    name: { lt: 'Valstybinė duomenų apsaugos inspekcija', en: 'State Data Protection Inspectorate' },
    address: 'L. Sapiegos g. 17, LT-10312 Vilnius',
    website: 'https://vdai.lrv.lt',
    email: 'ada@ada.lt',
  },
} as const;
