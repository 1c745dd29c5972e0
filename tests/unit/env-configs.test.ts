import { describe, expect, it } from 'vitest';
import { loadApiConfig } from '#config/api-config.ts';
import { loadFormsConfig } from '#config/forms-config.ts';
import { loadFulfilmentConfig } from '#config/fulfilment-config.ts';
import { loadLetterConfig } from '#config/letter-config.ts';
import { loadMailConfig } from '#config/mail-config.ts';
import { loadWebhookConfig } from '#config/webhook-config.ts';
import { loadWorkflowEngineConfig } from '#config/workflow-engine-config.ts';

const api = { RIGHTSDESK_TABLE: 'rightsdesk', AUTH_ISSUER: 'https://issuer.example.lt', AUTH_AUDIENCE: 'rightsdesk', AUTH_JWKS_URL: 'https://issuer.example.lt/jwks.json' };
const mail = { RIGHTSDESK_TABLE: 'rightsdesk' };
const jwk = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' };

// The variables several configurations read share one schema each (shared/config/env-fields.ts,
// issue 15): every configuration must still apply the same rule, name the variable and default alike.
describe('the configurations the API validates at init', () => {
  it('apply one rule to the variables they share: the table name, the region, endpoints', () => {
    for (const load of [loadApiConfig, loadMailConfig] as const) {
      const base = load === loadApiConfig ? api : mail;
      expect(load(base)).toMatchObject({ tableName: 'rightsdesk', region: 'eu-central-1' });
      expect(load({ ...base, AWS_REGION: 'eu-west-1', DYNAMODB_ENDPOINT: 'http://localhost:8000' })).toMatchObject({ region: 'eu-west-1', dynamodbEndpoint: 'http://localhost:8000' });
      expect(() => load({ ...base, RIGHTSDESK_TABLE: 'rd' })).toThrow(/RIGHTSDESK_TABLE/);
      expect(() => load({ ...base, SES_ENDPOINT: 'not a url' })).toThrow(/SES_ENDPOINT/);
    }
    expect(() => loadWorkflowEngineConfig({ SFN_ENDPOINT: 'not a url' })).toThrow(/SFN_ENDPOINT/);
    expect(() => loadApiConfig({ ...api, AUTH_ISSUER: '' })).toThrow(/AUTH_ISSUER/);
    expect(() => loadLetterConfig({ LETTERS_FUNCTION: '' })).toThrow(/LETTERS_FUNCTION/);
    expect(loadLetterConfig({ LETTERS_FUNCTION: 'rightsdesk-letters' })).toEqual({ functionName: 'rightsdesk-letters' });
  });

  it('read positive whole numbers from the text, each within its own bound', () => {
    expect(loadApiConfig({ ...api, MAX_BODY_BYTES: '2048' }).maxBodyBytes).toBe(2048);
    expect(loadApiConfig(api).maxBodyBytes).toBe(64 * 1024);
    for (const bad of ['0', '-1', '1.5', 'many']) expect(() => loadApiConfig({ ...api, MAX_BODY_BYTES: bad }), bad).toThrow(/MAX_BODY_BYTES/);
    expect(loadMailConfig({ ...mail, ANSWER_LINK_TTL_SECONDS: '3600' }).answerLinkTtlSeconds).toBe(3600);
    expect(() => loadMailConfig({ ...mail, ANSWER_LINK_TTL_SECONDS: '604801' })).toThrow(/ANSWER_LINK_TTL_SECONDS/);
    expect(loadWebhookConfig({ WEBHOOK_BATCH: '100' }).batch).toBe(100);
    expect(() => loadWebhookConfig({ WEBHOOK_BATCH: '101' })).toThrow(/WEBHOOK_BATCH/);
    expect(loadWebhookConfig({}).batch).toBe(25);
  });

  it('validate key material only where it is set, and refuse a malformed one', () => {
    expect(loadApiConfig(api).partnerAssertionKeys).toEqual({});
    expect(() => loadApiConfig({ ...api, PARTNER_ASSERTION_KEYS: '' })).toThrow(/PARTNER_ASSERTION_KEYS is not JSON/);
    // An inline key set that is not JSON names its variable too (it used to throw JSON.parse's SyntaxError).
    expect(() => loadApiConfig({ ...api, AUTH_JWKS_URL: undefined, AUTH_JWKS: '{' })).toThrow('Invalid API configuration: AUTH_JWKS is not JSON.');
    expect(loadWebhookConfig({ WEBHOOK_KMS_KEY_ID: 'key' })).toEqual({ kmsKeyId: 'key', signingKeys: {}, jwks: { keys: [] }, batch: 25 });
    expect(loadWebhookConfig({ WEBHOOK_SIGNING_KEYS: JSON.stringify({ softera: { privateJwk: jwk, publicJwk: jwk } }), WEBHOOK_JWKS: JSON.stringify({ keys: [jwk] }) })).toMatchObject({ signingKeys: { softera: { publicJwk: jwk } }, jwks: { keys: [jwk] } });
    expect(() => loadWebhookConfig({ WEBHOOK_SIGNING_KEYS: JSON.stringify({ softera: { privateJwk: jwk } }) })).toThrow(/WEBHOOK_SIGNING_KEYS must map/);
    expect(() => loadWebhookConfig({ WEBHOOK_JWKS: '{"keys":{}}' })).toThrow(/WEBHOOK_JWKS is not a JSON Web Key Set/);
    expect(() => loadApiConfig({ ...api, AUTH_JWKS_URL: undefined, AUTH_JWKS: '{"keys":[]}' })).toThrow(/AUTH_JWKS is not a JSON Web Key Set/);
    expect(loadApiConfig({ ...api, AUTH_JWKS_URL: undefined, AUTH_JWKS: JSON.stringify({ keys: [jwk] }) }).auth.jwks).toEqual({ keys: [jwk] });
    const forms = { FORM_SECRET: 'bench-secret-bench-secret-bench-secret-0123', PUBLIC_BASE_URL: 'https://privacy.example.lt/' };
    expect(loadFormsConfig(forms)).toEqual({ secret: forms.FORM_SECRET, baseUrl: 'https://privacy.example.lt', frameAncestors: {}, rateLimit: 5 });
    expect(loadFormsConfig({ ...forms, FORM_FRAME_ANCESTORS: '{"softera":["https://www.softera.lt"]}' }).frameAncestors).toEqual({ softera: ['https://www.softera.lt'] });
    expect(() => loadFormsConfig({ ...forms, FORM_FRAME_ANCESTORS: '{"softera":["javascript:x"]}' })).toThrow(/FORM_FRAME_ANCESTORS must map/);
    expect(() => loadFormsConfig({ ...forms, FORM_FRAME_ANCESTORS: '[' })).toThrow(/FORM_FRAME_ANCESTORS is not JSON/);
    expect(loadFulfilmentConfig({})).toEqual({ databaseUrls: {}, callbackJwks: {} });
    expect(loadFulfilmentConfig({ FULFILMENT_DATABASE_URLS: '{"shop":"postgres://u@db/shop"}', FULFILMENT_CALLBACK_JWKS: JSON.stringify({ bajtel: { keys: [jwk] } }) })).toEqual({ databaseUrls: { shop: 'postgres://u@db/shop' }, callbackJwks: { bajtel: { keys: [jwk] } } });
    expect(() => loadFulfilmentConfig({ FULFILMENT_DATABASE_URLS: '{"shop":"mysql://db"}' })).toThrow(/FULFILMENT_DATABASE_URLS must map/);
    expect(() => loadFulfilmentConfig({ FULFILMENT_DATABASE_URLS: '{not json' })).toThrow(/FULFILMENT_DATABASE_URLS is not JSON/);
    expect(() => loadFulfilmentConfig({ FULFILMENT_CALLBACK_JWKS: '{"bajtel":{"keys":{}}}' })).toThrow(/FULFILMENT_CALLBACK_JWKS must map/);
  });
});
