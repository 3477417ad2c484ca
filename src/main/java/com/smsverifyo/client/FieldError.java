package com.smsverifyo.client;

/**
 * One invalid field of a refused request, as the server's problem {@code errors} list names it.
 *
 * @param pointer a JSON pointer into the request, such as {@code #/max_price_usd}
 * @param detail  what is wrong with it, for people
 */
public record FieldError(String pointer, String detail) {
    /** @return the field's name: the pointer without its {@code #/} prefix */
    public String field() {
        return pointer.startsWith("#/") ? pointer.substring(2) : pointer;
    }
}
