import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Disposable, Emitter, disposeAll, toDisposable, type IDisposable } from '../../src/core/dispose';

class Owner extends Disposable {
  register<T extends IDisposable>(value: T): T {
    return this._register(value);
  }
}

test('a Disposable releases what it registered, newest first, once', () => {
  const order: string[] = [];
  const owner = new Owner();
  owner.register(toDisposable(() => order.push('first')));
  owner.register(toDisposable(() => order.push('second')));
  owner.dispose();
  owner.dispose();
  assert.deepEqual(order, ['second', 'first']);
  assert.equal(owner.isDisposed, true);
});

test('registering after disposal disposes the item at once', () => {
  const owner = new Owner();
  owner.dispose();
  let released = false;
  owner.register(toDisposable(() => (released = true)));
  assert.equal(released, true);
});

test('disposeAll disposes every item even when one throws, then rethrows', () => {
  const seen: number[] = [];
  const items = [
    toDisposable(() => seen.push(1)),
    toDisposable(() => {
      throw new Error('boom');
    }),
    toDisposable(() => seen.push(3)),
  ];
  assert.throws(() => disposeAll(items), /boom/);
  assert.deepEqual(seen, [1, 3]);
});

test('an emitter subscription is a disposable: after dispose() the listener hears nothing', () => {
  const emitter = new Emitter<number>();
  const heard: number[] = [];
  const subscription = emitter.event((n) => heard.push(n));
  const other = emitter.event((n) => heard.push(n * 10));
  emitter.fire(1);
  subscription.dispose();
  emitter.fire(2);
  other.dispose();
  emitter.fire(3);
  assert.deepEqual(heard, [1, 10, 20]);
});
