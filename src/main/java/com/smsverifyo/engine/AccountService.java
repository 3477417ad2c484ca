package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountRepository;
import com.smsverifyo.store.Tx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Accounts and who may see which: a key sees its own account; an admin key also sees the
 * customers (sub-accounts) of its account. Anything else is "not found", never "forbidden", so
 * that no caller learns that another account's ids exist.
 */
public final class AccountService {
    private final AccountRepository accounts = new AccountRepository();
    private final LedgerService ledger;

    public AccountService(LedgerService ledger) {
        this.ledger = ledger;
    }

    public Account get(Tx tx, Principal principal, String accountId) {
        return find(tx, accountId).filter(account -> canSee(tx, principal, account))
                .orElseThrow(() -> DomainException.notFound("Account " + accountId));
    }

    public Optional<Account> find(Tx tx, String accountId) {
        return accounts.find(tx, accountId);
    }

    public Account own(Tx tx, Principal principal) {
        return accounts.find(tx, principal.accountId())
                .orElseThrow(() -> DomainException.notFound("Account " + principal.accountId()));
    }

    public Optional<Account> owner(Tx tx) {
        return accounts.owner(tx);
    }

    /** Whether the principal may see {@code account}: its own, or (admin) one of its customers. */
    public boolean canSee(Tx tx, Principal principal, Account account) {
        if (account.id().equals(principal.accountId())) {
            return true;
        }
        if (!principal.has(Scope.ADMIN)) {
            return false;
        }
        String parent = account.parentId();
        for (int depth = 0; parent != null && depth < 8; depth++) {
            if (parent.equals(principal.accountId())) {
                return true;
            }
            parent = accounts.find(tx, parent).map(Account::parentId).orElse(null);
        }
        return false;
    }

    /** The account a request names ({@code ?account=}), or the caller's own when it names none. */
    public String resolve(Tx tx, Principal principal, String requested) {
        if (requested == null || requested.isBlank() || requested.equals(principal.accountId())) {
            return principal.accountId();
        }
        return get(tx, principal, requested).id();
    }

    /** The principal's account and, for admin keys, every account below it. */
    public List<String> visibleIds(Tx tx, Principal principal) {
        List<String> ids = new ArrayList<>();
        ids.add(principal.accountId());
        if (principal.has(Scope.ADMIN)) {
            for (int i = 0; i < ids.size() && i < 100_000; i++) {
                String parent = ids.get(i);
                String after = null;
                List<Account> page;
                do {
                    page = accounts.children(tx, parent, after, 500);
                    page.forEach(child -> ids.add(child.id()));
                    after = page.isEmpty() ? null : page.get(page.size() - 1).id();
                } while (page.size() == 500);
            }
        }
        return ids;
    }

    public void setAlertThreshold(Tx tx, String accountId, Long thresholdMicros) {
        accounts.setAlertThreshold(tx, accountId, thresholdMicros);
        // A new threshold starts a fresh watch: the next debit below it is announced.
        accounts.setLowAlertDay(tx, accountId, null);
    }

    public long spentToday(Tx tx, String accountId) {
        return ledger.spentToday(tx, accountId);
    }
}
