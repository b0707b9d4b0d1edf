// Which file systems a log file may sit on that answer writes over a network (or through a user
// process, FUSE): a write there can wait for as long as the server takes, so the daemon never
// writes to them on its main thread. Identified by statfs(2)'s f_type, Linux's magic numbers.

const NETWORK_MAGIC = new Set<number>([
  0x6969, // NFS
  0x517b, // SMB
  0xff534d42, // CIFS
  0xfe534d42, // SMB2
  0x65735546, // FUSE (sshfs, s3fs, …)
  0x00c36400, // Ceph
  0x5346414f, // AFS
  0x6b414653, // kAFS
  0x01021997, // 9P (virtio shares too)
  0x73757245, // Coda
  0x564c, // NCP
  0x01161970, // GFS2
  0x7461636f, // OCFS2
  0x0bd00bd0, // Lustre
  0x47504653, // GPFS
  0x013111a8, // IBRIX
  0x786f4256, // vboxsf
  0x19830326, // fhgfs / BeeGFS
]);

/** True for a statfs type that is a network (or FUSE) file system, or when it is unknown. */
export const isNetworkFileSystem = (type: number | bigint | undefined): boolean =>
  type === undefined || NETWORK_MAGIC.has(Number(type));
