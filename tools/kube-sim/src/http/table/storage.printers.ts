import { KubeObject } from '../../store/kube-object';
import { since } from './human-duration';
import { AGE_COLUMN, at, col, KindPrinter, list, NAME_COLUMN, scalar, str } from './printer-kit';

const age = (o: KubeObject, now: number): string => since(o.metadata.creationTimestamp, now);

/** GetAccessModesAsString: RWO, ROX, RWX, RWOP in that fixed order, whatever order the spec lists. */
export function accessModes(modes: unknown): string {
  const present = list(modes);
  const out: string[] = [];
  if (present.includes('ReadWriteOnce')) out.push('RWO');
  if (present.includes('ReadOnlyMany')) out.push('ROX');
  if (present.includes('ReadWriteMany')) out.push('RWX');
  if (present.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

/** The beta storage-class annotation still wins over spec.storageClassName, as in kube's helper. */
const storageClassOf = (o: KubeObject): string =>
  o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? str(at(o, 'spec', 'storageClassName'));

const phaseOf = (o: KubeObject, fallback: string): string =>
  o.metadata.deletionTimestamp ? 'Terminating' : str(at(o, 'status', 'phase'), fallback);

function claimCells(o: KubeObject, now: number): unknown[] {
  const bound = str(at(o, 'spec', 'volumeName'));
  return [
    o.metadata.name,
    phaseOf(o, 'Pending'),
    bound,
    bound ? scalar(at(o, 'status', 'capacity', 'storage'), '0') : '',
    bound ? accessModes(at(o, 'status', 'accessModes')) : '',
    storageClassOf(o),
    str(at(o, 'spec', 'volumeAttributesClassName'), '<unset>'),
    age(o, now),
    str(at(o, 'spec', 'volumeMode'), '<unset>'),
  ];
}

function volumeCells(o: KubeObject, now: number): unknown[] {
  const claim = at(o, 'spec', 'claimRef');
  return [
    o.metadata.name,
    scalar(at(o, 'spec', 'capacity', 'storage'), '0'),
    accessModes(at(o, 'spec', 'accessModes')),
    str(at(o, 'spec', 'persistentVolumeReclaimPolicy'), 'Retain'),
    phaseOf(o, 'Pending'),
    claim ? `${str(at(claim, 'namespace'))}/${str(at(claim, 'name'))}` : '',
    storageClassOf(o),
    str(at(o, 'spec', 'volumeAttributesClassName'), '<unset>'),
    str(at(o, 'status', 'reason')),
    age(o, now),
    str(at(o, 'spec', 'volumeMode'), '<unset>'),
  ];
}

const isDefaultClass = (o: KubeObject): boolean =>
  o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ||
  o.metadata.annotations?.['storageclass.beta.kubernetes.io/is-default-class'] === 'true';

export const storagePrinters: Record<string, KindPrinter> = {
  PersistentVolumeClaim: {
    columns: [
      NAME_COLUMN,
      col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
      col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
      col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
      col('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has.'),
      col('StorageClass', 'string', 'StorageClass of the pvc'),
      col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
      AGE_COLUMN,
      col('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', 1),
    ],
    cells: (o, { now }) => claimCells(o, now),
  },
  PersistentVolume: {
    columns: [
      NAME_COLUMN,
      col('Capacity', 'string', "capacity is the description of the persistent volume's resources and capacity."),
      col('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
      col(
        'Reclaim Policy',
        'string',
        'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.',
      ),
      col('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
      col('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
      col('StorageClass', 'string', 'StorageClass of the pv'),
      col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
      col(
        'Reason',
        'string',
        'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
      ),
      AGE_COLUMN,
      col(
        'VolumeMode',
        'string',
        'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
        1,
      ),
    ],
    cells: (o, { now }) => volumeCells(o, now),
  },
  StorageClass: {
    columns: [
      NAME_COLUMN,
      col('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
      col(
        'ReclaimPolicy',
        'string',
        'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.',
      ),
      col('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
      col('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => [
      isDefaultClass(o) ? `${o.metadata.name} (default)` : o.metadata.name,
      str(o.provisioner),
      str(o.reclaimPolicy, 'Delete'),
      str(o.volumeBindingMode, 'Immediate'),
      o.allowVolumeExpansion === true,
      age(o, now),
    ],
  },
};
