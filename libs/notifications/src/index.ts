// @flotilla/notifications: what Argo CD Notifications does with argocd-notifications-cm — parse it,
// evaluate triggers, render templates, resolve subscriptions, plan and send — without I/O of its own
// beyond the senders' calls, so the notifier and `flotilla admin notifications` behave alike.
export * from './config/notifications-config.parser';
export * from './triggers/trigger.evaluator';
// expr itself, for other argocd-cm settings written in it (the api-server's application links `if`).
export { CompiledExpr, ExprEvalError, ExprSyntaxError } from './triggers/expr.evaluator';
export * from './templates/notification.renderer';
export * from './templates/argo-template.functions';
export * from './subscriptions/subscription.resolver';
export { LabelSelector } from './subscriptions/label-selector';
export * from './state/notified.state';
export * from './planning/notification.planner';
export * from './services/notification-service';
export * from './services/notification-sender.registry';
export * from './services/sender.store';
export * from './services/secret.mask';
