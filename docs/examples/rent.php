<?php
// Rent a number, wait for the SMS code, then finish the rental (or cancel it for a full refund).
//
// PHP 7.4+ with the curl extension (Debian: php-curl).
//   SMSVERIFYO_URL=http://127.0.0.1:8080 SMSVERIFYO_KEY=sms_live_... php rent.php
// Optional: SMSVERIFYO_SERVICE (whatsapp), SMSVERIFYO_COUNTRY (US), SMSVERIFYO_MAX_PRICE (0.80),
// SMSVERIFYO_WAIT (seconds to wait for the code, 120), SMSVERIFYO_POLL (seconds between polls, 3).

const ATTEMPTS = 5;

final class ApiError extends Exception {}

function env(string $name, string $default = ''): string
{
    $value = getenv($name);
    return $value === false || $value === '' ? $default : $value;
}

/**
 * One API call. 429 waits Retry-After; 5xx and network errors retry with the same Idempotency-Key,
 * so a retry never rents or charges twice. Other errors throw ApiError with the problem's code and detail.
 */
function call(string $method, string $path, ?array $body = null, ?string $idempotencyKey = null): array
{
    $url = rtrim(env('SMSVERIFYO_URL'), '/') . $path;
    for ($attempt = 1; $attempt <= ATTEMPTS; $attempt++) {
        $headers = ['Authorization: Bearer ' . env('SMSVERIFYO_KEY')];
        if ($body !== null) {
            $headers[] = 'Content-Type: application/json';
        }
        if ($idempotencyKey !== null) {
            $headers[] = 'Idempotency-Key: ' . $idempotencyKey;
        }
        $retryAfter = 1;
        $ch = curl_init($url);
        curl_setopt_array($ch, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 30,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_HEADERFUNCTION => function ($ch, string $line) use (&$retryAfter): int {
                if (stripos($line, 'Retry-After:') === 0) {
                    $retryAfter = (int) trim(substr($line, 12));
                }
                return strlen($line);
            },
        ]);
        if ($body !== null) {
            curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
        }
        $response = curl_exec($ch);
        $status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        $error = curl_error($ch);
        curl_close($ch);
        if ($response === false) {
            if ($attempt === ATTEMPTS) {
                throw new ApiError("cannot reach $url: $error");
            }
            sleep($attempt);
            continue;
        }
        $json = json_decode($response, true) ?? [];
        if ($status < 400) {
            return $json;
        }
        if ($status === 429 && $attempt < ATTEMPTS) {
            echo "Rate limited; retrying in $retryAfter s\n";
            sleep(max(1, $retryAfter));
        } elseif ($status >= 500 && $attempt < ATTEMPTS) {
            sleep($attempt);
        } else {
            // application/problem+json: {"type", "title", "status", "detail", "code", …}
            throw new ApiError(sprintf('%d %s: %s', $status, $json['code'] ?? 'error', $json['detail'] ?? ''));
        }
    }
    throw new ApiError('no answer');
}

function main(): void
{
    if (env('SMSVERIFYO_URL') === '' || env('SMSVERIFYO_KEY') === '') {
        fwrite(STDERR, "Set SMSVERIFYO_URL and SMSVERIFYO_KEY.\n");
        exit(1);
    }
    $wait = (float) env('SMSVERIFYO_WAIT', '120');
    $poll = (float) env('SMSVERIFYO_POLL', '3');
    $order = [
        'service' => env('SMSVERIFYO_SERVICE', 'whatsapp'),
        'country' => env('SMSVERIFYO_COUNTRY', 'US'),
        'max_price_usd' => (float) env('SMSVERIFYO_MAX_PRICE', '0.80'),
    ];

    $rental = call('POST', '/v1/rentals', $order, 'rent-' . bin2hex(random_bytes(8)));
    echo "Rented {$rental['phone_number']} ({$rental['id']}) for {$rental['price_usd']} USD\n";

    $deadline = microtime(true) + $wait;
    while ($rental['status'] === 'waiting' && microtime(true) < $deadline) {
        usleep((int) (min($poll, max(0, $deadline - microtime(true))) * 1e6));
        $rental = call('GET', "/v1/rentals/{$rental['id']}");
    }

    $id = $rental['id'];
    if ($rental['status'] === 'received') {
        echo "Code: {$rental['code']}\n";
        $rental = call('POST', "/v1/rentals/$id/finish", null, "finish-$id");
        echo "Finished: {$rental['status']}\n";
    } elseif ($rental['status'] === 'waiting') {
        $rental = call('POST', "/v1/rentals/$id/cancel", null, "cancel-$id");
        echo "No code in $wait s: {$rental['status']}, refunded {$rental['refunded_usd']} USD\n";
    } else {
        echo "Rental ended: {$rental['status']}, refunded {$rental['refunded_usd']} USD\n";
    }
}

try {
    main();
} catch (ApiError $error) {
    fwrite(STDERR, 'error: ' . $error->getMessage() . "\n");
    exit(1);
}
