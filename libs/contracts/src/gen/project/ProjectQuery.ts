// Original file: proto/project/project.proto

export interface ProjectQuery {
  name?: string;
  _name?: 'name';
}

export interface ProjectQuery__Output {
  name?: string;
  _name?: 'name';
}
