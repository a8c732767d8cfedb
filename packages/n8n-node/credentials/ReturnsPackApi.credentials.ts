import type {
  IAuthenticateGeneric,
  Icon,
  ICredentialTestRequest,
  ICredentialType,
  INodeProperties,
} from 'n8n-workflow';

export class ReturnsPackApi implements ICredentialType {
  name = 'returnsPackApi';

  displayName = 'Returns Pack API';

  icon: Icon = { light: 'file:../icons/returnsPack.svg', dark: 'file:../icons/returnsPack.dark.svg' };

  documentationUrl = 'https://github.com/returns-pack/returns-pack/tree/main/packages/n8n-node#credentials';

  properties: INodeProperties[] = [
    {
      displayName: 'Base URL',
      name: 'baseUrl',
      type: 'string',
      default: '',
      required: true,
      placeholder: 'http://127.0.0.1:4010',
      // The words of the catalogue's BASE_URL_HELP (a credential file imports nothing but n8n-workflow).
      description:
        'Required: the root URL of your returns API, without /external/v1. For local use, the mock’s URL that `npm start` prints, e.g. http://127.0.0.1:4010.',
    },
    {
      displayName: 'API Key',
      name: 'apiKey',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      required: true,
      description: 'Shown once when the API client is created, under Settings → External API',
    },
    {
      displayName: 'Webhook Signing Secret',
      name: 'webhookSecret',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      description:
        'Only needed for deliveries configured outside n8n (Redo, SWAP, Returnflows-style senders, or an API client created with a webhook URL). Subscriptions the trigger creates keep their own secret.',
    },
    {
      displayName: 'Previous Webhook Signing Secret',
      name: 'previousWebhookSecret',
      type: 'string',
      typeOptions: { password: true },
      default: '',
      // The words of the catalogue's PREVIOUS_SECRET_HELP; a credential file imports nothing but n8n-workflow.
      description:
        'Only while a webhook signing secret is rotated: the other secret (the old one, or the new one). Deliveries signed with either verify, so none is dropped; clear it once the grace window has ended.',
    },
  ];

  authenticate: IAuthenticateGeneric = {
    type: 'generic',
    properties: {
      headers: {
        'X-Api-Key': '={{$credentials.apiKey}}',
      },
    },
  };

  test: ICredentialTestRequest = {
    request: {
      baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
      url: '/external/v1/rmas',
      qs: { limit: 1 },
    },
  };
}
