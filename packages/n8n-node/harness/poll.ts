import type { INodeExecutionData, INodeType, IPollFunctions } from 'n8n-workflow';
import { triggerContext } from './trigger-context';
import type { TriggerContextOptions } from './trigger-context';

export interface PollOptions extends TriggerContextOptions {
  /** n8n's mode: `trigger` for an active workflow's polls, `manual` for "Fetch Test Event". */
  mode?: 'trigger' | 'manual';
}

/** One run of a polling node's `poll()`, with the slice of IPollFunctions it uses. */
export async function poll(node: INodeType, options: PollOptions): Promise<INodeExecutionData[]> {
  const context = {
    ...triggerContext('CUSTOM.returnsPackPollTrigger', 'Returns Pack Poll Trigger', options),
    getMode: () => options.mode ?? 'trigger',
  };
  const output = await node.poll!.call(context as unknown as IPollFunctions);
  return output?.[0] ?? [];
}
