// Original file: proto/application/application.proto

export interface LinkInfo {
  title?: string;
  url?: string;
  description?: string;
  iconClass?: string;
  _description?: 'description';
  _iconClass?: 'iconClass';
}

export interface LinkInfo__Output {
  title: string;
  url: string;
  description?: string;
  iconClass?: string;
  _description?: 'description';
  _iconClass?: 'iconClass';
}
