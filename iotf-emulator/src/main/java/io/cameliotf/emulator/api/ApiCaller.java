package io.cameliotf.emulator.api;

/** Who calls the API: an API key and the organization it belongs to [3.1.1]. */
record ApiCaller(String org, String apiKey) {
}
