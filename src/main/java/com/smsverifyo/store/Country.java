package com.smsverifyo.store;

public record Country(String code, String name) {
}
