package com.smsverifyo.engine;

import com.smsverifyo.store.TxWork;

/**
 * A write whose slow part (a call to another server) runs before its transaction, so the one
 * writer never waits on the network: {@link #prepare} outside any transaction, then the work it
 * returns in one, then {@link #settle} whatever happened.
 */
public interface StagedWrite<T> {

    /**
     * Does the slow part.
     *
     * @return the transactional part
     * @throws DomainException to refuse (nothing was changed)
     */
    TxWork<T> prepare();

    /** Runs after the transaction, committed, rolled back or never run; must not throw. */
    void settle();

    /** A write that is only its transaction. */
    static <T> StagedWrite<T> of(TxWork<T> work) {
        return new StagedWrite<>() {
            @Override
            public TxWork<T> prepare() {
                return work;
            }

            @Override
            public void settle() {
            }
        };
    }
}
