package com.smsverifyo.engine;

import com.smsverifyo.store.Account;
import com.smsverifyo.store.AccountRepository;
import com.smsverifyo.store.AccountStatus;
import com.smsverifyo.store.SpendTotals;
import com.smsverifyo.store.Tx;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts and who may see which: a key sees its own account; an admin key also sees the
 * customers (sub-accounts) of its account. Anything else is "not found", never "forbidden", so
 * that no caller learns that another account's ids exist.
 */
public final class AccountService {
    /** The window of {@code spent_30d_usd}: today and the 29 UTC days before it. */
    public static final int SPEND_WINDOW_DAYS = 30;
    /** The largest single credit or correction: one billion USD. */
    public static final long MAX_CREDIT_MICROS = 1_000_000_000L * Money.MICROS_PER_USD;

    private final AccountRepository accounts = new AccountRepository();
    private final com.smsverifyo.store.CatalogRepository tiers = new com.smsverifyo.store.CatalogRepository();
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

    /**
     * Creates a customer (sub-account) of the server owner's account. Customers are one level deep:
     * a customer's admin key cannot open accounts of its own, because it could then credit them
     * money that nobody paid.
     */
    public Account createChild(Tx tx, Principal principal, String name, String tier, Clock clock, Ids ids) {
        principal.require(Scope.ADMIN);
        if (!principal.ownerAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN,
                    "Only the server owner's admin keys open customer accounts; ask your provider.");
        }
        validateName(name);
        requireTier(tx, tier);
        Account account = new Account(ids.next("acc"), principal.accountId(), name.strip(), tier, AccountStatus.ACTIVE,
                0, null, null, clock.instant());
        accounts.insert(tx, account);
        return account;
    }

    /** Changes a customer's name, tier or status; an account cannot change its own tier or status. */
    public Account update(Tx tx, Principal principal, String accountId, String name, String tier, AccountStatus status) {
        principal.require(Scope.ADMIN);
        Account account = get(tx, principal, accountId);
        boolean own = account.id().equals(principal.accountId());
        if (own && (tier != null || status != null) && !principal.ownerAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "An account cannot change its own tier or status.");
        }
        if (own && status == AccountStatus.SUSPENDED) {
            throw new DomainException(ErrorCode.FORBIDDEN, "The owner account cannot be suspended.");
        }
        if (name != null) {
            validateName(name);
        }
        if (tier != null) {
            requireTier(tx, tier);
        }
        accounts.update(tx, account.id(), name != null ? name.strip() : account.name(), tier != null ? tier : account.tier(),
                status != null ? status : account.status());
        return accounts.find(tx, account.id()).orElseThrow();
    }

    /**
     * Tops up (positive, a {@code credit}) or corrects (negative, an {@code adjustment}) a balance.
     * Only an account above the target may do it, except the owner on itself: a customer never credits
     * itself.
     */
    public com.smsverifyo.store.LedgerEntry credit(Tx tx, Principal principal, String accountId, long micros, String note) {
        principal.require(Scope.ADMIN);
        Account account = get(tx, principal, accountId);
        if (account.id().equals(principal.accountId()) && !principal.ownerAccount()) {
            throw new DomainException(ErrorCode.FORBIDDEN, "An account cannot credit itself; ask your provider.");
        }
        if (micros == 0) {
            throw DomainException.invalid("amount_usd", "'amount_usd' must not be zero.");
        }
        if (Math.abs(micros) > MAX_CREDIT_MICROS) {
            throw DomainException.invalid("amount_usd", "'amount_usd' must be at most "
                    + Money.format(MAX_CREDIT_MICROS) + " USD either way.");
        }
        return micros > 0 ? ledger.credit(tx, account.id(), micros, note) : ledger.adjust(tx, account.id(), micros, null, note);
    }

    private static void validateName(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("name", "'name' must be 1 to 100 characters.");
        }
    }

    private void requireTier(Tx tx, String tier) {
        if (tiers.tier(tx, tier).isEmpty()) {
            throw DomainException.invalid("tier", "'" + tier + "' is not a tier; GET /v1/catalog lists them.");
        }
    }

    public List<Account> children(Tx tx, String parentId, String afterId, int limit) {
        return accounts.children(tx, parentId, afterId, limit);
    }

    public long spentToday(Tx tx, String accountId) {
        return ledger.spentToday(tx, accountId);
    }

    /** Net spend of an account today and over the last 30 UTC days (today included). */
    public SpendTotals spend(Tx tx, String accountId) {
        return spend(tx, List.of(accountId)).getOrDefault(accountId, SpendTotals.NONE);
    }

    /** {@link #spend(Tx, String)} of many accounts in one query; accounts without spend are absent. */
    public Map<String, SpendTotals> spend(Tx tx, Collection<String> accountIds) {
        return ledger.spendTotals(tx, accountIds, SPEND_WINDOW_DAYS);
    }
}
