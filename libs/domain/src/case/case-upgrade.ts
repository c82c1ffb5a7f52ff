/**
 * Snapshot upgrades between machine versions (DESIGN.md: "a change that alters persisted snapshots
 * ships as a new version with a migration"). Each step is frozen once released: it describes the
 * shape of its own two versions, not the current types, so it stays right when the machine moves
 * on. The database migration and `restoreSnapshot` both use these steps.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * v1 → v2: the fee notice moved from a procedure step (`awaitingFee`) into a region of its own.
 * A v1 case in `awaitingFee` was processing with an unpaid notice; any other v1 case either had
 * no notice or had paid it (v1 left `awaitingFee` only by payment or by closing).
 */
function v1ToV2(snapshot: Json): Json {
  const context = isObject(snapshot['context']) ? snapshot['context'] : {};
  const value = snapshot['value'];
  let nextValue = value;
  if (isObject(value) && isObject(value['open'])) {
    const open = value['open'];
    const fee = context['fee'];
    const paid = isObject(fee) && typeof fee['paidOn'] === 'string';
    nextValue = {
      open:
        open['procedure'] === 'awaitingFee'
          ? { procedure: 'processing', fee: 'awaiting', extension: open['extension'] }
          : {
              procedure: open['procedure'],
              fee: paid ? 'paid' : 'none',
              extension: open['extension'],
            },
    };
  }
  return {
    ...snapshot,
    machineVersion: 2,
    value: nextValue,
    context: { ...context, machineVersion: 2 },
  };
}

const STEPS: Readonly<Record<number, (snapshot: Json) => Json>> = { 1: v1ToV2 };

function versionOf(snapshot: Json): unknown {
  const context = snapshot['context'];
  return snapshot['machineVersion'] ?? (isObject(context) ? context['machineVersion'] : undefined);
}

/**
 * A persisted snapshot of any released version, brought to the current one. Anything that is not
 * a known older version is returned as it is, for `restoreSnapshot` to judge.
 */
export function upgradePersistedSnapshot(snapshot: unknown): unknown {
  if (!isObject(snapshot)) return snapshot;
  let current = snapshot;
  for (;;) {
    const version = versionOf(current);
    const step = typeof version === 'number' ? STEPS[version] : undefined;
    if (!step) return current;
    current = step(current);
  }
}
