// The notifier process: load configuration, then the shared bootstrap does the rest.
import 'reflect-metadata';
import { bootstrapService, runService } from '@flotilla/platform';
import { loadNotifierConfig } from './notifier.config';
import { notifierModule, SERVICE_NAME } from './notifier.module';

runService(() => {
  const config = loadNotifierConfig();
  return bootstrapService({ name: SERVICE_NAME, module: notifierModule(config), opsPort: config.FLOTILLA_OPS_PORT });
}, SERVICE_NAME);
