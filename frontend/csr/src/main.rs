//! The client-only (CSR) build made by Trunk: the whole storefront rendered
//! in the browser, calling a running Vitrine server for its data.

fn main() {
    console_error_panic_hook::set_once();
    // Server functions are called on the server named at build time
    // (`VITRINE_API_URL`), by default a local `cargo leptos watch`.
    let api = option_env!("VITRINE_API_URL").unwrap_or("http://127.0.0.1:3000");
    leptos::server_fn::client::set_server_url(api);
    leptos::mount::mount_to_body(app::App);
}
