package com.smsverifyo.sources;

import java.util.Random;

/** What each service's verification SMS looks like, with a fresh code. */
final class SimulatedTexts {
    record Text(String sender, String body, String code) {
    }

    private SimulatedTexts() {
    }

    static Text forService(String service, Random random) {
        String six = digits(random, 6);
        return switch (service) {
            case "whatsapp" -> new Text("WhatsApp", "Your WhatsApp code: " + six.substring(0, 3) + "-" + six.substring(3)
                    + "\nDon't share this code with others", six);
            case "telegram" -> {
                String five = digits(random, 5);
                yield new Text("Telegram", "Telegram code: " + five + "\n\nDo not give this code to anyone, even if they say they are from Telegram!", five);
            }
            case "google" -> new Text("Google", "G-" + six + " is your Google verification code.", six);
            case "facebook" -> {
                String five = digits(random, 5);
                yield new Text("Facebook", "FB-" + five + " is your Facebook confirmation code", five);
            }
            case "instagram" -> new Text("Instagram", six.substring(0, 3) + " " + six.substring(3)
                    + " is your Instagram code. Don't share it.", six);
            case "tiktok" -> new Text("TikTok", "[TikTok] " + six + " is your verification code, valid for 5 minutes.", six);
            case "discord" -> new Text("Discord", "Your Discord verification code is: " + six, six);
            case "uber" -> {
                String four = digits(random, 4);
                yield new Text("Uber", "Your Uber code: " + four + ". Never share this code.", four);
            }
            case "amazon" -> new Text("Amazon", six + " is your Amazon OTP. Do not share it with anyone.", six);
            case "microsoft" -> {
                String seven = digits(random, 7);
                yield new Text("Microsoft", "Use " + seven + " as Microsoft account security code", seven);
            }
            default -> new Text(service, "Your verification code is " + six, six);
        };
    }

    private static String digits(Random random, int count) {
        StringBuilder out = new StringBuilder(count);
        out.append(1 + random.nextInt(9));
        for (int i = 1; i < count; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }
}
