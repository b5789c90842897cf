//! Datelines, table-driven: each row is an opening of our own writing and the dateline expected.

struct Row {
    text: &'static str,
    /// `None` when there is no dateline.
    want: Option<Want>,
}

struct Want {
    span: &'static str,
    locations: &'static [&'static str],
    authors: &'static [&'static str],
    agencies: &'static [&'static str],
}

const fn yes(
    text: &'static str,
    span: &'static str,
    locations: &'static [&'static str],
    authors: &'static [&'static str],
    agencies: &'static [&'static str],
) -> Row {
    Row { text, want: Some(Want { span, locations, authors, agencies }) }
}

const fn no(text: &'static str) -> Row {
    Row { text, want: None }
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Arabic: place (agency) -
    yes("بيروت (رويترز) - قال مسؤول حكومي إن الاجتماع انتهى دون اتفاق على الموازنة.",
        "بيروت (رويترز) -", &["بيروت"], &[], &["رويترز"]),
    // place - agency:
    yes("القاهرة - أ ش أ: أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في الصعيد.",
        "القاهرة - أ ش أ:", &["القاهرة"], &[], &["أ ش أ"]),
    // places - paper, agencies -
    yes("نيويورك، لندن، موسكو - «الحياة»، رويترز، أ ف ب - تواصلت المشاورات في أروقة المنظمة الدولية حول مشروع القرار.",
        "نيويورك، لندن، موسكو - «الحياة»، رويترز، أ ف ب -", &["نيويورك", "لندن", "موسكو"], &[], &["الحياة", "رويترز", "أ ف ب"]),
    // standalone tatweel as the separator
    yes("دمشق ـ تواصلت الاشتباكات في ريف المحافظة الشمالي طوال ليل الأحد.",
        "دمشق ـ", &["دمشق"], &[], &[]),
    // place date (month) (agency) -
    yes("عمان 15 تشرين الثاني (نوفمبر) (بترا) - افتتح وزير التربية اليوم مدرسة جديدة في المحافظة.",
        "عمان 15 تشرين الثاني (نوفمبر) (بترا) -", &["عمان"], &[], &["بترا"]),
    // place/reporter/agency, no closing separator
    yes("طرابلس/سامي الورفلي/الأناضول أعلنت حكومة الوحدة الوطنية، الأحد، عن خطة جديدة للكهرباء.",
        "طرابلس/سامي الورفلي/الأناضول", &["طرابلس"], &["سامي الورفلي"], &["الأناضول"]),
    // agency - place.
    yes("صحارى برس – موريتانيا. أعلنت اللجنة المستقلة للانتخابات، الاثنين، عن موعد الاقتراع المقبل.",
        "صحارى برس – موريتانيا.", &["موريتانيا"], &[], &["صحارى برس"]),
    // outlet with an outlet word, colon
    yes("الرافدين نيوز: أعلن المجلس البلدي عن خطة جديدة لتنظيم حركة السير في وسط المدينة.",
        "الرافدين نيوز:", &[], &[], &["الرافدين نيوز"]),
    // place- agency- with dashes glued to the words
    yes("الخليل- وفا- أصيب ثلاثة مواطنين برصاص قوات الاحتلال خلال مواجهات في البلدة القديمة.",
        "الخليل- وفا-", &["الخليل"], &[], &["وفا"]),
    // after a title line and a date line
    yes("الحكومة تقر موازنة العام المقبل\n٣ مارس ٢٠٢٤\nالرباط 3 آذار 2024 – صادق مجلس الحكومة، الخميس، على مشروع قانون المالية.",
        "الرباط 3 آذار 2024 –", &["الرباط"], &[], &[]),
    // English
    yes("WASHINGTON (Reuters) - The Senate passed a stopgap funding bill late on Friday, averting a shutdown.",
        "WASHINGTON (Reuters) -", &["WASHINGTON"], &[], &["Reuters"]),
    yes("PARIS, Nov 3 (AFP) - French ministers met on Monday to discuss the budget deficit.",
        "PARIS, Nov 3 (AFP) -", &["PARIS"], &[], &["AFP"]),
    yes("UNITED NATIONS, Oct 12 (IPS) – Diplomats gathered at the headquarters for a week of talks.",
        "UNITED NATIONS, Oct 12 (IPS) –", &["UNITED NATIONS"], &[], &["IPS"]),
    yes("GENEVA (AP) — Negotiators resumed their talks on Tuesday after a two-week pause.",
        "GENEVA (AP) —", &["GENEVA"], &[], &["AP"]),
    // byline lines before the dateline
    yes("Ceasefire talks resume in the capital\nBy JOHN Q. WRITER\nAssociated Press\nCAIRO (AP) — Mediators said on Sunday that the talks had resumed.",
        "CAIRO (AP) —", &["CAIRO"], &["JOHN Q. WRITER"], &["AP"]),
    // a town the gazetteer lacks, on a line of its own, with a reporter's name
    yes("كسلا - عمر الأمين\nأعلنت السلطات المحلية عن افتتاح سوق جديد للمنتجات الزراعية.",
        "كسلا - عمر الأمين", &["كسلا"], &["عمر الأمين"], &[]),
    yes("JERUSALEM, Aug. 21 (Xinhua) -- Planners approved new housing units on Wednesday.",
        "JERUSALEM, Aug. 21 (Xinhua) --", &["JERUSALEM"], &[], &["Xinhua"]),
    yes("KYIV, Ukraine (dpa) - Ukraine's economy grew by less than 2 per cent last year.",
        "KYIV, Ukraine (dpa) -", &["KYIV", "Ukraine"], &[], &["dpa"]),
    // no dateline
    no("غزة - مأساة إنسانية\nتتواصل معاناة السكان في القطاع مع استمرار الحصار."),
    no("أقر المجلس بالإجماع، الخميس، تمديد ولاية البعثة سنة أخرى."),
    no("الوزير: الاتفاق سيوقع قريبا\nقال الوزير إن الاتفاق سيوقع الأسبوع المقبل بعد استكمال المشاورات."),
    no("مدينة - قرية - بلدة\nوصف طويل لعدة أماكن في المنطقة دون أي خبر."),
    no("The Council met today and adopted a text on the situation in the region."),
    no("Council Renews Peacekeeping Force - Vote Unanimous\nMembers agreed on Thursday to keep the force in place."),
    no("بغداد تستضيف القمة العربية المقبلة في أيار، بحسب ما أعلنت وزارة الخارجية."),
    no(""),
    // a photo caption in parentheses
    no("(صورة أرشيفية)\nقال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا."),
    no("(Photo: File)\nThe minister said the meeting would be held tomorrow."),
    // wrapped outlets with a date, closed by the parenthesis
    yes("(صدى نيوز / سبوتنيك - 3 مارس 2023) أعلنت الحكومة عن حزمة إجراءات اقتصادية جديدة لدعم الأسر.",
        "(صدى نيوز / سبوتنيك - 3 مارس 2023)", &[], &[], &["صدى نيوز", "سبوتنيك"]),
    yes("KYIV, Ukraine (AP) — Air raid sirens sounded across the country early on Thursday.",
        "KYIV, Ukraine (AP) —", &["KYIV", "Ukraine"], &[], &["AP"]),
    yes("UNITED NATIONS, March 3 (Xinhua) -- The Security Council on Friday extended the mission.",
        "UNITED NATIONS, March 3 (Xinhua) --", &["UNITED NATIONS"], &[], &["Xinhua"]),
];

#[test]
fn dateline_table() {
    let mut failures = Vec::new();
    for row in ROWS {
        let a = khabar::parse(row.text).unwrap();
        let got = a.dateline().map(|d| {
            let t = |v: &[khabar::Mention]| v.iter().map(|m| m.text.clone()).collect::<Vec<_>>();
            (a.text()[d.span].to_string(), t(&d.locations), t(&d.authors), t(&d.agencies))
        });
        let want = row.want.as_ref().map(|w| {
            let t = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
            (w.span.to_string(), t(w.locations), t(w.authors), t(w.agencies))
        });
        if got != want {
            failures.push(format!("{:?}\n   got  {got:?}\n   want {want:?}", row.text));
        }
    }
    assert!(failures.is_empty(), "{} of {} rows differ:\n{}", failures.len(), ROWS.len(), failures.join("\n"));
}

#[test]
fn dateline_dates() {
    let rows = [
        ("عمان 15 تشرين الثاني (نوفمبر) (بترا) - افتتح الوزير اليوم مدرسة جديدة في المحافظة.", Some("--11-15")),
        ("بغداد 28 تموز 2016 – أعلنت الحكومة اليوم عن خطة جديدة للكهرباء في العاصمة.", Some("2016-07-28")),
        ("PARIS, Nov 3 (AFP) - French ministers met on Monday to discuss the budget deficit.", Some("--11-03")),
        ("BAMAKO, Mali, August 01, 2023 (Reuters) - The mission began its withdrawal on Tuesday.", Some("2023-08-01")),
        ("بيروت (رويترز) - قال مسؤول حكومي إن الاجتماع انتهى دون اتفاق على الموازنة.", None),
    ];
    for (text, want) in rows {
        let a = khabar::parse(text).unwrap();
        assert_eq!(a.dateline().unwrap().date.as_deref(), want, "{text}");
    }
}

#[test]
fn dateline_spans_point_into_the_text() {
    let text = "بيروت (رويترز) - نص الخبر هنا وهو طويل بما يكفي ليكون جملة كاملة.";
    let a = khabar::parse(text).unwrap();
    let d = a.dateline().unwrap();
    for m in d.locations.iter().chain(&d.agencies) {
        assert_eq!(&text[m.span], m.text);
        assert_eq!(
            text.chars().skip(m.span.char_start).take(m.span.char_end - m.span.char_start).collect::<String>(),
            m.text
        );
    }
}
