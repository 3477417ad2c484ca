package com.smsverifyo.ui.support;

import com.smsverifyo.client.Account;
import com.smsverifyo.client.ApiKey;
import com.smsverifyo.client.NotFoundException;
import com.smsverifyo.client.Page;
import com.smsverifyo.client.Rental;
import com.smsverifyo.client.RentalQuery;
import com.smsverifyo.client.SmsVerifyoClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a {@link SupportQuery} against the server (blocking: call it off the FX thread). Numbers,
 * codes and keys are searched across the key's own account and every customer below it
 * ({@code account=all}); a key prefix is resolved to key ids through the keys of each account; a
 * name is matched against the customers' names.
 */
final class SupportSearch {
    /** Rentals read per searched thing (a page): support wants the recent ones, newest first. */
    static final int PAGE = 50;
    /** The most customers whose rentals one name search lists. */
    static final int MAX_CUSTOMERS = 5;

    /**
     * What a search found.
     *
     * @param understood what was searched and how much was found, in words
     * @param rentals    the rentals, newest first
     * @param directory  the accounts' names, to label the rentals
     */
    record Result(String understood, List<Rental> rentals, Directory directory) {
    }

    /**
     * The accounts the key sees, by id: its own and its customers'.
     *
     * @param ownId the key's own account
     * @param names every account's name by id
     */
    record Directory(String ownId, Map<String, String> names) {
        static final Directory EMPTY = new Directory("", Map.of());

        String name(String accountId) {
            return names.getOrDefault(accountId, accountId);
        }

        Stream<String> customerIds() {
            return names.keySet().stream().filter(id -> !id.equals(ownId));
        }
    }

    private final SmsVerifyoClient client;

    SupportSearch(SmsVerifyoClient client) {
        this.client = client;
    }

    /** Reads the key's own account and its customers. */
    Directory directory() {
        Account own = client.account().get();
        Map<String, String> names = new LinkedHashMap<>();
        names.put(own.id(), own.name());
        client.accounts().list().forEach(customer -> names.put(customer.id(), customer.name()));
        return new Directory(own.id(), Map.copyOf(names));
    }

    Result run(SupportQuery query) {
        Directory directory = directory();
        String what = query.describe();
        return switch (query.kind()) {
            case EMPTY -> new Result("", List.of(), directory);
            case UNCLEAR -> new Result(what, List.of(), directory);
            case RENTAL_ID -> byId(query.value(), directory);
            case PHONE -> found(what, list(RentalQuery.all().allAccounts().phone(query.value())), directory);
            case CODE -> found(what, list(RentalQuery.all().allAccounts().code(query.value())), directory);
            case CODE_OR_PHONE -> found(what, merge(list(RentalQuery.all().allAccounts().code(query.value())),
                    list(RentalQuery.all().allAccounts().phone(query.phone()))), directory);
            case KEY_ID -> byKeys(what, List.of(query.value()), directory);
            case KEY_PREFIX -> byKeyPrefix(query, directory);
            case CUSTOMER -> byCustomer(query.value(), directory);
        };
    }

    private Result byId(String id, Directory directory) {
        try {
            Rental rental = client.rentals().get(id);
            return new Result("Rental " + id + " of " + directory.name(rental.accountId()), List.of(rental), directory);
        } catch (NotFoundException e) {
            return new Result("No rental " + id + " among your rentals and your customers’", List.of(), directory);
        }
    }

    private Result byKeyPrefix(SupportQuery query, Directory directory) {
        List<ApiKey> keys = Stream.concat(Stream.of(directory.ownId()), directory.customerIds())
                .flatMap(account -> client.keys().list(account.equals(directory.ownId()) ? null : account).stream())
                .filter(key -> query.matchesKeyPrefix(key.prefix()))
                .toList();
        if (keys.isEmpty()) {
            return new Result("No key starts with " + query.value(), List.of(), directory);
        }
        String names = keys.size() == 1
                ? "Key " + keys.get(0).prefix() + " (" + keys.get(0).name() + ", " + directory.name(keys.get(0).accountId()) + ")"
                : keys.size() + " keys starting with " + query.value();
        return byKeys(names, keys.stream().map(ApiKey::id).toList(), directory);
    }

    private Result byKeys(String what, List<String> keyIds, Directory directory) {
        List<Listed> lists = keyIds.stream().map(id -> list(RentalQuery.all().allAccounts().key(id))).toList();
        return found(what, merge(lists.toArray(Listed[]::new)), directory);
    }

    private Result byCustomer(String typed, Directory directory) {
        String needle = typed.toLowerCase(Locale.ROOT);
        List<Map.Entry<String, String>> matches = directory.names().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(typed) || e.getValue().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing((Map.Entry<String, String> e) -> rank(e.getValue(), needle))
                        .thenComparing(Map.Entry::getValue, String.CASE_INSENSITIVE_ORDER))
                .toList();
        if (matches.isEmpty()) {
            return new Result("No customer named “" + typed + "”", List.of(), directory);
        }
        // An exact name is what was meant, even when other names contain it.
        if (rank(matches.get(0).getValue(), needle) == 0) {
            matches = List.of(matches.get(0));
        }
        List<Map.Entry<String, String>> shown = matches.subList(0, Math.min(MAX_CUSTOMERS, matches.size()));
        String names = String.join(", ", shown.stream().map(Map.Entry::getValue).toList())
                + (matches.size() > shown.size() ? " and " + (matches.size() - shown.size()) + " more" : "");
        String what = (shown.size() == 1 ? "Customer " : "Customers ") + names;
        Listed[] lists = shown.stream().map(e -> list(RentalQuery.all().account(e.getKey()))).toArray(Listed[]::new);
        Listed merged = merge(lists);
        return new Result(what + ": " + count(merged, "recent rental"), merged.rentals(), directory);
    }

    /** 0 for the same name, 1 for a name that starts with it, 2 for one that contains it. */
    private static int rank(String name, String needle) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(needle) ? 0 : lower.startsWith(needle) ? 1 : 2;
    }

    private static Result found(String what, Listed listed, Directory directory) {
        return new Result(what + ": " + count(listed, "rental"), listed.rentals(), directory);
    }

    /** {@code 1 rental}, {@code 3 rentals}, {@code 50+ rentals} (when there are more than were read). */
    static String count(Listed listed, String noun) {
        int n = listed.rentals().size();
        if (n == 0) {
            return "no " + noun + "s";
        }
        return n + (listed.more() ? "+" : "") + " " + noun + (n == 1 && !listed.more() ? "" : "s");
    }

    /** A first page of rentals, and whether there were more. */
    record Listed(List<Rental> rentals, boolean more) {
    }

    private Listed list(RentalQuery query) {
        Page<Rental> page = client.rentals().page(query.pageSize(PAGE), null);
        return new Listed(page.data(), page.hasMore());
    }

    /** Several lists as one: each rental once, newest first. */
    private static Listed merge(Listed... lists) {
        Map<String, Rental> byId = new LinkedHashMap<>();
        boolean more = false;
        for (Listed list : lists) {
            list.rentals().forEach(rental -> byId.putIfAbsent(rental.id(), rental));
            more |= list.more();
        }
        List<Rental> rentals = new ArrayList<>(byId.values());
        rentals.sort(Comparator.comparing(Rental::createdAt).thenComparing(Rental::id).reversed());
        return new Listed(List.copyOf(rentals), more);
    }
}
