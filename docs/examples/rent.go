// Rent a number, wait for the SMS code, then finish the rental (or cancel it for a full refund).
//
// Go 1.19+, standard library only.
//
//	SMSVERIFYO_URL=http://127.0.0.1:8080 SMSVERIFYO_KEY=sms_live_... go run rent.go
//
// Optional: SMSVERIFYO_SERVICE (whatsapp), SMSVERIFYO_COUNTRY (US), SMSVERIFYO_MAX_PRICE (0.80),
// SMSVERIFYO_WAIT (seconds to wait for the code, 120), SMSVERIFYO_POLL (seconds between polls, 3).
package main

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"
)

const attempts = 5

// Rental holds the fields of a rental this program reads.
type Rental struct {
	ID          string      `json:"id"`
	PhoneNumber string      `json:"phone_number"`
	PriceUSD    json.Number `json:"price_usd"`
	Status      string      `json:"status"`
	Code        *string     `json:"code"`
	RefundedUSD json.Number `json:"refunded_usd"`
}

// Problem is an RFC 9457 problem (application/problem+json).
type Problem struct {
	Code   string `json:"code"`
	Detail string `json:"detail"`
}

var (
	baseURL = strings.TrimRight(os.Getenv("SMSVERIFYO_URL"), "/")
	apiKey  = os.Getenv("SMSVERIFYO_KEY")
	client  = &http.Client{Timeout: 30 * time.Second}
)

// call makes one API call. 429 waits Retry-After; 5xx and network errors retry with the same
// Idempotency-Key, so a retry never rents or charges twice. Other errors return the problem's code and detail.
func call(method, path string, body any, idempotencyKey string) (Rental, error) {
	var rental Rental
	var payload []byte
	if body != nil {
		payload, _ = json.Marshal(body)
	}
	for attempt := 1; attempt <= attempts; attempt++ {
		req, err := http.NewRequest(method, baseURL+path, bytes.NewReader(payload))
		if err != nil {
			return rental, err
		}
		req.Header.Set("Authorization", "Bearer "+apiKey)
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		if idempotencyKey != "" {
			req.Header.Set("Idempotency-Key", idempotencyKey)
		}
		res, err := client.Do(req)
		if err != nil {
			if attempt == attempts {
				return rental, fmt.Errorf("cannot reach %s: %w", baseURL, err)
			}
			time.Sleep(time.Duration(attempt) * time.Second)
			continue
		}
		if res.StatusCode < 400 {
			err = json.NewDecoder(res.Body).Decode(&rental)
			res.Body.Close()
			return rental, err
		}
		var problem Problem
		json.NewDecoder(res.Body).Decode(&problem)
		res.Body.Close()
		switch {
		case res.StatusCode == 429 && attempt < attempts:
			wait, err := strconv.Atoi(res.Header.Get("Retry-After"))
			if err != nil || wait < 1 {
				wait = 1
			}
			fmt.Printf("Rate limited; retrying in %d s\n", wait)
			time.Sleep(time.Duration(wait) * time.Second)
		case res.StatusCode >= 500 && attempt < attempts:
			time.Sleep(time.Duration(attempt) * time.Second)
		default:
			return rental, fmt.Errorf("%d %s: %s", res.StatusCode, problem.Code, problem.Detail)
		}
	}
	return rental, fmt.Errorf("no answer from %s", baseURL)
}

func env(name, fallback string) string {
	if value := os.Getenv(name); value != "" {
		return value
	}
	return fallback
}

func seconds(name, fallback string) time.Duration {
	value, err := strconv.ParseFloat(env(name, fallback), 64)
	if err != nil {
		fail(fmt.Errorf("%s is not a number of seconds", name))
	}
	return time.Duration(value * float64(time.Second))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "error:", err)
	os.Exit(1)
}

func main() {
	if baseURL == "" || apiKey == "" {
		fmt.Fprintln(os.Stderr, "Set SMSVERIFYO_URL and SMSVERIFYO_KEY.")
		os.Exit(1)
	}
	wait := seconds("SMSVERIFYO_WAIT", "120")
	poll := seconds("SMSVERIFYO_POLL", "3")
	maxPrice, err := strconv.ParseFloat(env("SMSVERIFYO_MAX_PRICE", "0.80"), 64)
	if err != nil {
		fail(fmt.Errorf("SMSVERIFYO_MAX_PRICE is not a number"))
	}
	order := map[string]any{
		"service":       env("SMSVERIFYO_SERVICE", "whatsapp"),
		"country":       env("SMSVERIFYO_COUNTRY", "US"),
		"max_price_usd": maxPrice,
	}
	random := make([]byte, 8)
	rand.Read(random)

	rental, err := call("POST", "/v1/rentals", order, "rent-"+hex.EncodeToString(random))
	if err != nil {
		fail(err)
	}
	fmt.Printf("Rented %s (%s) for %s USD\n", rental.PhoneNumber, rental.ID, rental.PriceUSD)

	deadline := time.Now().Add(wait)
	for rental.Status == "waiting" && time.Now().Before(deadline) {
		pause := time.Until(deadline)
		if pause > poll {
			pause = poll
		}
		time.Sleep(pause)
		if rental, err = call("GET", "/v1/rentals/"+rental.ID, nil, ""); err != nil {
			fail(err)
		}
	}

	id := rental.ID
	switch rental.Status {
	case "received":
		fmt.Printf("Code: %s\n", *rental.Code)
		if rental, err = call("POST", "/v1/rentals/"+id+"/finish", nil, "finish-"+id); err != nil {
			fail(err)
		}
		fmt.Printf("Finished: %s\n", rental.Status)
	case "waiting":
		if rental, err = call("POST", "/v1/rentals/"+id+"/cancel", nil, "cancel-"+id); err != nil {
			fail(err)
		}
		fmt.Printf("No code in %g s: %s, refunded %s USD\n", wait.Seconds(), rental.Status, rental.RefundedUSD)
	default:
		fmt.Printf("Rental ended: %s, refunded %s USD\n", rental.Status, rental.RefundedUSD)
	}
}
