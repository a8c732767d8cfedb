import { defineHookTrigger } from './hook-trigger';

export const offlineRepairStatusChanged = defineHookTrigger({
  key: 'offline_repair_status_changed',
  noun: 'Offline Repair',
  label: 'Offline Repair Status Changed',
  event: 'offline_repair.status_changed',
});
