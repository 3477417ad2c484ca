package com.smsverifyo.store;

/** Work done inside one transaction (a read snapshot, or a write that commits as a whole). */
@FunctionalInterface
public interface TxWork<T> {
    T apply(Tx tx);
}
