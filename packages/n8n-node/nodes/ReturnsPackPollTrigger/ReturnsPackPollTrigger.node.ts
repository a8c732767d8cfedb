import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { eventsProperty } from '../ReturnsPackTrigger/properties';
import { pollEvents } from './poll';

export class ReturnsPackPollTrigger implements INodeType {
  description: INodeTypeDescription = {
    displayName: 'Returns Pack Poll Trigger',
    name: 'returnsPackPollTrigger',
    icon: { light: 'file:../../icons/returnsPack.svg', dark: 'file:../../icons/returnsPack.dark.svg' },
    group: ['trigger'],
    version: 1,
    subtitle: '={{($parameter["events"] || []).join(", ") || "every event"}}',
    description: 'Starts the workflow for new returns events, read from the event log on a schedule',
    defaults: { name: 'Returns Pack Poll Trigger' },
    polling: true,
    inputs: [],
    outputs: [NodeConnectionTypes.Main],
    credentials: [{ name: 'returnsPackApi', required: true }],
    properties: [eventsProperty],
  };

  async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
    return pollEvents.call(this);
  }
}
