import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { Empty as _flotilla_Empty, Empty__Output as _flotilla_Empty__Output } from './flotilla/Empty';
import type { JsonObject as _flotilla_JsonObject, JsonObject__Output as _flotilla_JsonObject__Output } from './flotilla/JsonObject';
import type {
  JsonObjectList as _flotilla_JsonObjectList,
  JsonObjectList__Output as _flotilla_JsonObjectList__Output,
} from './flotilla/JsonObjectList';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new (...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  flotilla: {
    Empty: MessageTypeDefinition<_flotilla_Empty, _flotilla_Empty__Output>;
    JsonObject: MessageTypeDefinition<_flotilla_JsonObject, _flotilla_JsonObject__Output>;
    JsonObjectList: MessageTypeDefinition<_flotilla_JsonObjectList, _flotilla_JsonObjectList__Output>;
  };
}
