//! A piece's pictures (issue 16 part 2), on both engines: an upload made
//! into each width in WebP and JPEG, served under hashed names with a
//! year's cache, shown by the shop at once with `srcset`; moved,
//! described, removed (its files with it); bad files, missing texts, a
//! stale page and a customer refused with nothing written or kept; every
//! change in the audit log.

use crate::common::{Answer, TestApp};
use crate::pieces::{form, page_state, piece, publish, save, CLERK};
use image::{DynamicImage, ImageFormat};
use reqwest::multipart::{Form, Part};
use serde_json::Value;
use std::io::Cursor;

/// A PNG `width` × `height`, its colours from `seed` (another seed, another picture).
fn png(width: u32, height: u32, seed: u8) -> Vec<u8> {
    let picture = DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 251) as u8 ^ seed, (y % 241) as u8, seed])
    }));
    let mut bytes = Vec::new();
    picture.write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png).unwrap();
    bytes
}

async fn upload(app: &TestApp, slug: &str, file: Vec<u8>, alts: (&str, &str), cookie: &str) -> Answer {
    let (revision, _) = page_state(&piece(app, slug, cookie).await);
    let form = Form::new()
        .text("slug", slug.to_owned())
        .text("revision", revision)
        .part("picture", Part::bytes(file).file_name("ring.png").mime_str("image/png").unwrap())
        .text("alt_en", alts.0.to_owned())
        .text("alt_fr", alts.1.to_owned());
    app.post_multipart("staff/pieces/pictures/add", form, Some(cookie)).await
}

async fn change(app: &TestApp, slug: &str, position: i64, action: &str, cookie: &str) -> Answer {
    let (revision, _) = page_state(&piece(app, slug, cookie).await);
    let position = position.to_string();
    let fields = [
        ("slug", slug),
        ("revision", &revision),
        ("position", &position),
        ("action", action),
        ("alt_en", "Worn"),
        ("alt_fr", "Portée"),
    ];
    app.post_form("staff/pieces/pictures/change", &fields, Some(cookie)).await
}

fn pictures(view: &Value) -> Vec<Value> {
    view["pictures"].as_array().unwrap().clone()
}

async fn rows(app: &TestApp) -> i64 {
    crate::checkout::count(app, "SELECT COUNT(*) FROM product_pictures WHERE stem IS NOT NULL").await
}

/// How many files the store keeps for the catalogue's pictures.
async fn files(app: &TestApp) -> usize {
    app.photos().names_in("pictures").await.unwrap().len()
}

async fn get_file(app: &TestApp, path: &str) -> (u16, Option<String>, Option<String>, Vec<u8>) {
    let answer =
        crate::common::client_builder().build().unwrap().get(format!("{}{path}", app.base)).send().await.unwrap();
    let header = |name: &str| answer.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let (kind, cache) = (header("content-type"), header("cache-control"));
    (answer.status().as_u16(), kind, cache, answer.bytes().await.unwrap().to_vec())
}

async fn pictures_are_made_served_and_managed(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    assert!(save(app, &form("tide-bead", &[]), &clerk).await.status < 400);
    assert!(publish(app, "tide-bead", true, &clerk).await.status < 400);
    assert_eq!(pictures(&piece(app, "tide-bead", &clerk).await), Vec::<Value>::new());

    let added = upload(app, "tide-bead", png(1000, 1000, 1), ("Tide bead", "Perle Marée"), &clerk).await;
    assert_eq!(added.status, 200, "{}", added.body);
    let back = added.header("location").unwrap_or_default();
    assert!(back.ends_with("/staff/pieces/tide-bead?picture=added#pictures"), "{back}");
    let shown = pictures(&piece(app, "tide-bead", &clerk).await);
    assert_eq!(shown.len(), 1);
    let thumbnail = shown[0]["thumbnail"].as_str().unwrap().to_owned();
    assert!(thumbnail.starts_with("/media/pictures/") && thumbnail.ends_with("-480.jpg"), "{thumbnail}");

    // Each width in both formats, cached for a year; a name never made is a 404.
    for (suffix, kind, format) in
        [("-480.jpg", "image/jpeg", ImageFormat::Jpeg), ("-960.webp", "image/webp", ImageFormat::WebP)]
    {
        let path = thumbnail.replace("-480.jpg", suffix);
        let (status, content_type, cache, bytes) = get_file(app, &path).await;
        assert_eq!((status, content_type.as_deref()), (200, Some(kind)), "{path}");
        assert_eq!(cache.as_deref(), Some("public, max-age=31536000, immutable"));
        assert_eq!(image::guess_format(&bytes).unwrap(), format);
    }
    assert_eq!(get_file(app, &thumbnail.replace("-480.jpg", "-1440.jpg")).await.0, 404, "not wider than the original");
    assert_eq!(get_file(app, "/media/pictures/..%2F..%2Fetc%2Fpasswd").await.0, 404);

    // The shop shows it at once, WebP first, with its alt text in each language.
    let stem = thumbnail.trim_start_matches("/media/pictures/").trim_end_matches("-480.jpg").to_owned();
    let en = app
        .get_until("/en/products/tide-bead", "the uploaded picture", |status, html| {
            status == 200 && html.contains(&stem)
        })
        .await;
    assert!(en.contains(r#"type="image/webp""#) && en.contains(&format!("{stem}-960.webp 960w")), "srcset");
    assert!(en.contains(r#"alt="Tide bead""#));
    let fr = app.get_until("/fr/products/tide-bead", "the French page", |_, html| html.contains(&stem)).await;
    assert!(fr.contains(r#"alt="Perle Marée""#));
    let listing = app.get_until("/en/shop/necklaces", "the card", |_, html| html.contains(&stem)).await;
    assert!(listing.contains(&format!("{stem}-480.webp 480w")));

    // A second picture, moved first; then described; then the first removed.
    assert_eq!(upload(app, "tide-bead", png(600, 800, 2), ("Side", "Profil"), &clerk).await.status, 200);
    assert_eq!(change(app, "tide-bead", 1, "up", &clerk).await.status, 200);
    let shown = pictures(&piece(app, "tide-bead", &clerk).await);
    assert_eq!(shown.iter().map(|p| p["alt_en"].as_str().unwrap()).collect::<Vec<_>>(), ["Side", "Tide bead"]);
    assert_eq!(change(app, "tide-bead", 0, "up", &clerk).await.status, 200, "already first: nothing to do");
    assert_eq!(change(app, "tide-bead", 1, "alt", &clerk).await.status, 200);
    assert_eq!(pictures(&piece(app, "tide-bead", &clerk).await)[1]["alt_fr"], "Portée");
    assert_eq!(change(app, "tide-bead", 1, "remove", &clerk).await.status, 200);
    let shown = pictures(&piece(app, "tide-bead", &clerk).await);
    assert_eq!((shown.len(), shown[0]["position"].as_i64()), (1, Some(0)));
    assert_eq!(get_file(app, &thumbnail).await.0, 404, "its files are gone with it");
    assert_eq!(files(app).await, 2, "the second picture's: 600 pixels wide, made at 480 in both formats");

    let actions: Vec<String> =
        sqlx::query_scalar("SELECT action FROM staff_audit WHERE action LIKE 'picture%' ORDER BY id")
            .fetch_all(&app.db.pool)
            .await
            .unwrap();
    assert_eq!(actions, ["picture_added", "picture_added", "picture_moved", "picture_described", "picture_removed"]);
    let page = app.get_page("/en/staff/audit?kind=pictures", Some(&clerk)).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Picture removed"), "the audit page files them under pictures");
}
on_both_engines!(pictures_managed, pictures_are_made_served_and_managed);

async fn bad_pictures_are_refused_and_nothing_kept(app: &TestApp) {
    let clerk = app.staff(CLERK).await;
    assert!(save(app, &form("tide-hoop", &[]), &clerk).await.status < 400);
    // The file, its descriptions, the field refused and what its message says.
    type Case<'a> = (Vec<u8>, (&'a str, &'a str), &'a str, &'a str);
    let long = "x".repeat(201);
    let cases: [Case; 5] = [
        (b"GIF89a not really".to_vec(), ("A", "B"), "picture", "not a readable"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>".to_vec(), ("A", "B"), "picture", "not a readable"),
        (png(300, 1000, 3), ("A", "B"), "picture", "too small"),
        (png(800, 800, 4), ("", "B"), "alt_en", "Describe the picture in English"),
        (png(800, 800, 5), ("A", long.as_str()), "alt_fr", "in French"),
    ];
    for (file, alts, field, says) in cases {
        let refused = upload(app, "tide-hoop", file, alts, &clerk).await;
        assert_eq!(refused.status, 400, "{field}: {}", refused.body);
        assert!(refused.body.contains(field) && refused.body.contains(says), "{}", refused.body);
    }
    assert_eq!((rows(app).await, files(app).await), (0, 0), "nothing written, nothing kept");

    // A page that went stale (the piece saved meanwhile) is refused, and its files not kept.
    let (stale, _) = page_state(&piece(app, "tide-hoop", &clerk).await);
    let (revision, seen) = page_state(&piece(app, "tide-hoop", &clerk).await);
    let renamed = [("name_en", "Tide hoop"), ("revision", revision.as_str()), ("seen", seen.as_str())];
    assert!(save(app, &form("tide-hoop", &renamed), &clerk).await.status < 400);
    let late = Form::new()
        .text("slug", "tide-hoop")
        .text("revision", stale)
        .part("picture", Part::bytes(png(800, 800, 6)).file_name("late.png"))
        .text("alt_en", "Late")
        .text("alt_fr", "Tard");
    let refused = app.post_multipart("staff/pieces/pictures/add", late, Some(&clerk)).await;
    assert_eq!(refused.status, 409, "{}", refused.body);
    assert!(refused.body.contains("Someone else has just changed this piece"), "{}", refused.body);
    assert_eq!((rows(app).await, files(app).await), (0, 0), "its files are not kept");

    // Nonsense actions and positions: 400 or 409, nothing written.
    assert_eq!(change(app, "tide-hoop", 0, "delete", &clerk).await.status, 400);
    assert_eq!(change(app, "tide-hoop", 7, "remove", &clerk).await.status, 409, "no such picture");

    // Staff only.
    let customer = app.register("pictures.customer@example.com").await;
    let form =
        Form::new().text("slug", "tide-hoop").text("revision", "1").part("picture", Part::bytes(png(800, 800, 7)));
    assert_eq!(app.post_multipart("staff/pieces/pictures/add", form, Some(&customer)).await.status, 403);
    let fields = [("slug", "tide-hoop"), ("revision", "1"), ("position", "0"), ("action", "remove")];
    assert_eq!(app.post_form("staff/pieces/pictures/change", &fields, Some(&customer)).await.status, 403);
    assert_eq!(app.post_form("staff/pieces/pictures/change", &fields, None).await.status, 401);
    assert_eq!(rows(app).await, 0);
}
on_both_engines!(pictures_refused, bad_pictures_are_refused_and_nothing_kept);
