//! Named entities: table-driven fixtures per kind, in Arabic and English, with clitics, spelling
//! variants, coreference and negatives. Every sentence here is invented for the tests.

use khabar::{Entity, EntityKind};

fn entities(text: &str) -> Vec<Entity> {
    let a = khabar::parse(text).unwrap();
    let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Location];
    let out: Vec<Entity> = a.entities().iter().filter(|e| kinds.contains(&e.kind)).cloned().collect();
    // every mention's span covers its text (the article restored after لـ aside: ا or ال)
    for e in &out {
        for m in &e.mentions {
            let surface = &a.text()[m.span];
            let restored = [String::new(), "ا".into(), "ال".into()].map(|r| format!("{r}{surface}"));
            assert!(restored.contains(&m.text), "{} vs {surface}", m.text);
        }
    }
    out
}

fn find<'a>(es: &'a [Entity], kind: EntityKind, name: &str) -> Option<&'a Entity> {
    es.iter().find(|e| e.kind == kind && (e.name == name || e.mentions.iter().any(|m| m.text == name)))
}

/// (text, kind, expected entity name, expected mention texts in order, ISO code)
type Case = (&'static str, EntityKind, &'static str, &'static [&'static str], Option<&'static str>);

fn check(cases: &[Case]) {
    for &(text, kind, name, mentions, code) in cases {
        let es = entities(text);
        let e = find(&es, kind, name).unwrap_or_else(|| panic!("no {kind:?} {name} in {text}: {es:#?}"));
        assert_eq!(e.name, name, "{text}");
        let got: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(got, mentions, "{text}");
        assert_eq!(e.code.as_deref(), code, "{text}");
    }
}

#[test]
fn arabic_places_with_clitics_variants_and_codes() {
    use EntityKind::Location as L;
    check(&[
        ("وصل الوفد إلى الرباط قادما من مدريد.", L, "الرباط", &["الرباط"], Some("MA")),
        ("وشارك المغرب في الاجتماع، وأشاد الوزير بدور والمغرب.", L, "المغرب", &["المغرب", "المغرب"], Some("MA")),
        ("تدهور الوضع في سوريا، وقال مراقبون إن سورية تحتاج إلى الدعم.", L, "سوريا", &["سوريا", "سورية"], Some("SY")),
        (
            "زار الوزير الولايات المتحدة الأمريكية ثم عاد من الولايات المتحدة.",
            L,
            "الولايات المتحدة الأمريكية",
            &["الولايات المتحدة الأمريكية", "الولايات المتحدة"],
            Some("US"),
        ),
        (
            "وأعلنت المملكة العربية السعودية أن السعودية ستستضيف القمة.",
            L,
            "المملكة العربية السعودية",
            &["المملكة العربية السعودية", "السعودية"],
            Some("SA"),
        ),
        ("وتوجه الوفد لبغداد صباح اليوم.", L, "بغداد", &["بغداد"], Some("IQ")),
        ("وانتشرت القوات في الضفة الغربية وقطاع غزة.", L, "قطاع غزة", &["قطاع غزة"], Some("PS")),
        ("وقالت إن عمليات البعثة في مالي مستمرة.", L, "مالي", &["مالي"], Some("ML")),
    ]);
}

#[test]
fn places_named_by_a_place_noun() {
    use EntityKind::Location as L;
    check(&[
        ("وقصفت الطائرات بلدة بيت جالا فجر اليوم.", L, "بيت جالا", &["بيت جالا"], None),
        ("ونقل الجرحى إلى مخيم الهول ومدينة الرقة.", L, "مخيم الهول", &["مخيم الهول"], None),
        ("وزار الوفد ولاية كاليفورنيا الأسبوع الماضي.", L, "كاليفورنيا", &["كاليفورنيا"], None),
        ("Fighting spread in Helmand province on Friday.", L, "Helmand", &["Helmand"], None),
    ]);
    // a mandate is no place, nor a generic area
    for text in ["وقرر المجلس تمديد ولاية البعثة في منطقة العمليات.", "وأقيمت منطقة آمنة قرب مدينة كبيرة."]
    {
        assert!(entities(text).is_empty(), "{text}");
    }
}

#[test]
fn arabic_organisations_by_lexicon_and_by_pattern() {
    use EntityKind::Organization as O;
    check(&[
        (
            "وقال التقرير إن مجلس الأمن الدولي سيجتمع، وإن مجلس الأمن لم يقرر بعد.",
            O,
            "مجلس الأمن الدولي",
            &["مجلس الأمن الدولي", "مجلس الأمن"],
            None,
        ),
        (
            "وأشادت الحكومة بدعم للأمم المتحدة ومنظمة الأمم المتحدة.",
            O,
            "منظمة الأمم المتحدة",
            &["الأمم المتحدة", "منظمة الأمم المتحدة"],
            None,
        ),
        (
            "وأعلنت وزارة الشؤون الخارجية والتعاون الإسبانية عن مؤتمر جديد.",
            O,
            "وزارة الشؤون الخارجية والتعاون الإسبانية",
            &["وزارة الشؤون الخارجية والتعاون الإسبانية"],
            Some("ES"),
        ),
        (
            "واجتمعت لجنة مراقبة الانتخابات التابعة للاتحاد الأفريقي أمس.",
            O,
            "لجنة مراقبة الانتخابات التابعة للاتحاد الأفريقي",
            &["لجنة مراقبة الانتخابات التابعة للاتحاد الأفريقي"],
            None,
        ),
        (
            "ومددت ولاية بعثة الأمم المتحدة لتحقيق الاستقرار في هايتي عاما آخر.",
            O,
            "بعثة الأمم المتحدة لتحقيق الاستقرار في هايتي",
            &["بعثة الأمم المتحدة لتحقيق الاستقرار في هايتي"],
            None,
        ),
        ("وقالت حركة الشباب في بيان إنها نفذت الهجوم.", O, "حركة الشباب", &["حركة الشباب"], None),
        (
            "ونقلت صحيفة الشرق الجديد عن مصادر أن وزارة الخارجية استدعت السفير.",
            O,
            "وزارة الخارجية",
            &["وزارة الخارجية"],
            None,
        ),
        ("وقصف الجيش الإسرائيلي مواقع عدة.", O, "الجيش الإسرائيلي", &["الجيش الإسرائيلي"], Some("IL")),
        ("ورفضت الرئاسة الفلسطينية العرض.", O, "الرئاسة الفلسطينية", &["الرئاسة الفلسطينية"], Some("PS")),
        ("وقالت السفارة الأمريكية في بيان إن الرحلات ستستأنف.", O, "السفارة الأمريكية", &["السفارة الأمريكية"], Some("US")),
        (
            "وقالت وزارة الطاقة السعودية إن الإنتاج سينخفض.",
            O,
            "وزارة الطاقة السعودية",
            &["وزارة الطاقة السعودية"],
            Some("SA"),
        ),
        ("وذكر موقع صدى برس أن الاجتماع انتهى.", O, "صدى برس", &["صدى برس"], None),
    ]);
}

#[test]
fn arabic_people_after_titles_verbs_and_given_names() {
    use EntityKind::Person as P;
    check(&[
        (
            "أوضح المدير التنفيذي للجنة مكافحة الإرهاب في مجلس الأمن ميشيل كونتي، أن التعاون ضروري. وأضاف كونتي أن الخطر قائم.",
            P,
            "ميشيل كونتي",
            &["ميشيل كونتي", "كونتي"],
            None,
        ),
        (
            "وقال وزير الخارجية المغربي كريم العلوي إن بلاده ترحب بالقرار.",
            P,
            "كريم العلوي",
            &["كريم العلوي"],
            Some("MA"),
        ),
        (
            "شدد كاتب الدولة الإسباني للشؤون الخارجية إلياس ألبيرو، على أهمية اللقاء.",
            P,
            "إلياس ألبيرو",
            &["إلياس ألبيرو"],
            Some("ES"),
        ),
        ("وقال المتحدث باسم الأمم المتحدة فيليب دوران إن المنظمة قلقة.", P, "فيليب دوران", &["فيليب دوران"], None),
        ("وقال د. سمير حداد إن النتائج مشجعة.", P, "سمير حداد", &["سمير حداد"], None),
        ("وقال المتحدث باسم الوزارة أشرف القدرة إن الطواقم تعمل.", P, "أشرف القدرة", &["أشرف القدرة"], None),
        (
            "التقى الوفد بالسيدة ليلى منصوري أمس. وقالت منصوري إن اللقاء مثمر.",
            P,
            "ليلى منصوري",
            &["ليلى منصوري", "منصوري"],
            None,
        ),
        ("وقال بارتوش إن الحوار هو الحل الوحيد.", P, "بارتوش", &["بارتوش"], None),
        ("واستقبل الشيخ حمد بن خليفة آل ثاني الوفد.", P, "حمد بن خليفة آل ثاني", &["حمد بن خليفة آل ثاني"], None),
        ("وكان ديفيد بيرنز قد حذر من المجاعة.", P, "ديفيد بيرنز", &["ديفيد بيرنز"], None),
        ("وقال الأمين العام غوتيريش في تقريره إن الوضع خطير.", P, "غوتيريش", &["غوتيريش"], None),
        ("وقتل في الانفجار مبعوثها الخاص لوران ديماس في العاصمة.", P, "لوران ديماس", &["لوران ديماس"], None),
        ("وكتب يوسف بنعلي مقالا عن الأزمة.", P, "يوسف بنعلي", &["يوسف بنعلي"], None),
    ]);
}

#[test]
fn english_entities() {
    use EntityKind::{Location as L, Organization as O, Person as P};
    check(&[
        (
            "The U.N. Security Council met on Monday. The Security Council voted.",
            O,
            "U.N. Security Council",
            &["U.N. Security Council", "Security Council"],
            None,
        ),
        ("Delegates from Syria and Russia met in Geneva.", L, "Geneva", &["Geneva"], Some("CH")),
        (
            "The United States of America and the U.S. Treasury disagree.",
            L,
            "United States of America",
            &["United States of America", "U.S."],
            Some("US"),
        ),
        (
            "Ukraine's Foreign Minister Olena Marchuk told reporters the vote mattered. Marchuk said more was needed.",
            P,
            "Olena Marchuk",
            &["Olena Marchuk", "Marchuk"],
            None,
        ),
        ("\"We are ready,\" said Ambassador Tomas Lindqvist.", P, "Tomas Lindqvist", &["Tomas Lindqvist"], None),
        (
            "Russian Foreign Minister Pavel Orlov said talks would resume.",
            P,
            "Pavel Orlov",
            &["Pavel Orlov"],
            Some("RU"),
        ),
        ("Secretary-General Okafor said the Charter must be respected.", P, "Okafor", &["Okafor"], None),
        ("Mr. Petrov met Ms. Lena Hartmann in Berlin.", P, "Petrov", &["Petrov"], None),
        ("Mr. Petrov met Ms. Lena Hartmann in Berlin.", P, "Lena Hartmann", &["Lena Hartmann"], None),
        (
            "The Russian Defense Ministry said the strikes hit depots.",
            O,
            "Russian Defense Ministry",
            &["Russian Defense Ministry"],
            Some("RU"),
        ),
        (
            "Britain's ambassador, Claire Dunmore, said London would act. Tomas Berg, the U.N. special envoy, agreed.",
            P,
            "Tomas Berg",
            &["Tomas Berg"],
            None,
        ),
        (
            "Britain's ambassador, Claire Dunmore, said London would act.",
            P,
            "Claire Dunmore",
            &["Claire Dunmore"],
            None,
        ),
        (
            "The Ministry of Foreign Affairs issued a statement.",
            O,
            "Ministry of Foreign Affairs",
            &["Ministry of Foreign Affairs"],
            None,
        ),
        ("The Pacific Media Agency reported the vote.", O, "Pacific Media Agency", &["Pacific Media Agency"], None),
        (
            "Inspectors of the Organisation for the Prohibition of Chemical Weapons (OPCW) arrived, and OPCW staff met.",
            O,
            "Organisation for the Prohibition of Chemical Weapons",
            &["Organisation for the Prohibition of Chemical Weapons", "OPCW", "OPCW"],
            None,
        ),
    ]);
}

#[test]
fn english_headlines_in_title_case_and_inner_head_words() {
    let text = "Council Renews Mandate of United Nations Mission in Borduria for One Year\n\
        On Monday the Security Council renewed for a year the United Nations Mission in South Sudan (UNMISS). \
        The U.N. General Assembly on Thursday adopted the text.";
    let es = entities(text);
    let orgs: Vec<&str> = es.iter().filter(|e| e.kind == EntityKind::Organization).map(|e| e.name.as_str()).collect();
    assert_eq!(
        orgs,
        ["United Nations", "Security Council", "United Nations Mission in South Sudan", "U.N. General Assembly"]
    );
    let mission = find(&es, EntityKind::Organization, "United Nations Mission in South Sudan").unwrap();
    assert!(mission.mentions.iter().any(|m| m.text == "UNMISS"));
}

#[test]
fn acronyms_link_only_when_the_text_pairs_them() {
    // paired in parentheses: one entity
    let es = entities("سيطر تنظيم الدولة الإسلامية في العراق والشام (داعش) على المدينة، ثم انسحب داعش منها.");
    let orgs: Vec<&Entity> = es.iter().filter(|e| e.kind == EntityKind::Organization).collect();
    assert_eq!(orgs.len(), 1, "{orgs:#?}");
    assert_eq!(orgs[0].mentions.len(), 3);
    // not paired: two entities
    let es = entities("هاجم تنظيم الدولة الإسلامية القرية. وفي خبر آخر، تبنى داعش الهجوم.");
    assert_eq!(es.iter().filter(|e| e.kind == EntityKind::Organization).count(), 2);
    // a new acronym in parentheses after a long form
    let es = entities("وأعلنت بعثة الأمم المتحدة للدعم في تشاد (أمنوت) أن الهدوء عاد. وقالت أمنوت إن الطرق مفتوحة.");
    let m = find(&es, EntityKind::Organization, "بعثة الأمم المتحدة للدعم في تشاد").unwrap();
    assert!(m.mentions.iter().any(|x| x.text == "أمنوت"), "{m:#?}");
}

#[test]
fn one_entity_per_referent() {
    let es = entities(
        "قال الرئيس جوزيف كامارا إن الحوار مستمر. وأضاف كامارا أن مالي ستشارك. وأكد كامارا دعم بلاده للأمم المتحدة وأن الأمم المتحدة شريك.",
    );
    let people: Vec<&Entity> = es.iter().filter(|e| e.kind == EntityKind::Person).collect();
    assert_eq!(people.len(), 1, "{people:#?}");
    assert_eq!(people[0].mentions.len(), 3);
    assert_eq!(es.iter().filter(|e| e.name == "الأمم المتحدة").count(), 1);
    // a national security council is not the Security Council
    let es = entities("واجتمع مجلس الأمن القومي بعد جلسة مجلس الأمن.");
    assert_eq!(es.iter().filter(|e| e.kind == EntityKind::Organization).count(), 2);
    // a place named only inside a longer name is not listed on its own
    let es = entities("التقى الوزير برئيس حكومة إقليم كردستان في أربيل.");
    assert!(find(&es, EntityKind::Location, "إقليم كردستان").is_none(), "{es:#?}");
    assert!(find(&es, EntityKind::Organization, "حكومة إقليم كردستان").is_some());
}

#[test]
fn negatives_are_not_entities() {
    let cases = [
        "دعت الحكومة المجتمع الدولي إلى تقديم الدعم المالي للاجئين.",
        "وقال مصدر أمني إن قوات الأمن اعتقلت ثلاثة أشخاص، مضيفا أن التحقيقات مستمرة.",
        "وأوضح الوزير أن المجلس سيعقد جلسة طارئة، مشيرا إلى أهمية الحوار.",
        "وقالت الوزارة في بيان إن اللجنة ستقدم تقريرها، وأكد الرئيس ضرورة احترام القانون.",
        "وتابع قائلا إن برنامج المساعدات سيستمر، وطالب بتشكيل حكومة جديدة.",
        "وتعهد الأمين العام برفع إحاطة دورية إلى المجلس كل شهرين.",
        "وأشاد المسؤول الإسباني بالتعاون مع الجانب الأمريكي.",
        "وأكد الوزير استعداد بلاده للحوار، وأعلن الرئيس استقالته أمس، وأكد السفير احترام القرار.",
        "وقالت الحكومة السورية إن القوات الأمريكية انسحبت، وقال المتحدث باسم الخارجية إن الحوار مستمر.",
        "وأشاد الوفد بتعيين الأمين العام لوزيرة الخارجية السابقة.",
        "ومع ذلك زار الوفد بترا وقنا، وشارك بحماسة في النقاش.",
        "The government urged the international community to act, officials said on Monday.",
        "Spanish and American officials met. The Russian delegation left early.",
    ];
    for text in cases {
        let es = entities(text);
        assert!(es.is_empty(), "{text}: {es:#?}");
    }
}

#[test]
fn shared_place_names_take_the_country_the_article_names() {
    let es = entities("وصل الوفد إلى طرابلس قادما من بيروت بعد جولة في لبنان.");
    assert_eq!(find(&es, EntityKind::Location, "طرابلس").unwrap().code.as_deref(), Some("LB"));
    let es = entities("وصل الوفد إلى طرابلس قادما من بنغازي.");
    assert_eq!(find(&es, EntityKind::Location, "طرابلس").unwrap().code.as_deref(), Some("LY"));
}

#[test]
fn entities_come_in_order_of_first_mention() {
    let es = entities("زار وزير الخارجية الألماني برلين، ثم توجه إلى باريس حيث التقى ممثلي منظمة الصحة العالمية.");
    let names: Vec<&str> = es.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["برلين", "باريس", "منظمة الصحة العالمية"]);
}

#[test]
fn geographic_features_keep_their_noun() {
    use EntityKind::Location as L;
    check(&[
        ("وارتفع منسوب نهر العاصي بعد الأمطار.", L, "نهر العاصي", &["نهر العاصي"], None),
        ("وعبرت الشاحنات معبر نصيب صباح اليوم.", L, "معبر نصيب", &["معبر نصيب"], None),
        ("واستقبل الرئيس ضيفه في قصر قرطاج.", L, "قصر قرطاج", &["قصر قرطاج"], None),
        ("وعادت العائلات إلى مخيم الزعتري.", L, "مخيم الزعتري", &["مخيم الزعتري"], None),
        ("ووصل النازحون إلى مخيم أبو نجيم قرب المدينة.", L, "مخيم أبو نجيم", &["مخيم أبو نجيم"], None),
        (
            "وهبطت الطائرة في مطار رفيق الحريري الدولي مساء.",
            L,
            "مطار رفيق الحريري الدولي",
            &["مطار رفيق الحريري الدولي"],
            None,
        ),
        // a one-word organisation name after a feature noun names the place
        ("ورست السفن في ميناء الفاو جنوب البلاد.", L, "ميناء الفاو", &["ميناء الفاو"], None),
        ("ووصل الوفد إلى مطار الملك فهد الدولي صباحا.", L, "مطار الملك فهد الدولي", &["مطار الملك فهد الدولي"], None),
        // a known place after the noun stays inside the feature's name
        ("وأغلقت السلطات معبر رفح أمام المسافرين.", L, "معبر رفح", &["معبر رفح"], None),
        // regions and seas from the hand-written list
        ("وتواصلت المعارك في ولايات كردفان الثلاث.", L, "كردفان", &["كردفان"], Some("SD")),
        ("ورست السفينة في البحر الأحمر قبالة السواحل.", L, "البحر الأحمر", &["البحر الأحمر"], None),
        ("Ships crossed the Black Sea on Monday.", L, "Black Sea", &["Black Sea"], None),
        // a city from the GeoNames-derived list, with its country
        ("وتظاهر المئات في مدينة الزقازيق أمس.", L, "الزقازيق", &["الزقازيق"], Some("EG")),
    ]);
    // common phrases with the same nouns are no places
    for text in [
        "وتعهد المانحون بسد الفجوة في التمويل.",
        "وأقيم مخيم مؤقت قرب الحدود.",
        "وطالبوا بسد فجوة التمويل قبل الشتاء.",
        "وأقيم مخيم للنازحين قرب الحدود.",
        "وطالبت المنظمة بفتح معبر آمن للمدنيين.",
        "وتراكم جبل من الديون على الحكومة.",
    ] {
        let es = entities(text);
        assert!(es.iter().all(|e| e.kind != L), "{text}: {es:#?}");
    }
}

#[test]
fn well_known_people_and_weak_given_names() {
    use EntityKind::Person as P;
    check(&[
        // a gazetteer name with no title before it
        ("ورحب كير ستارمر بالاتفاق الجديد.", P, "كير ستارمر", &["كير ستارمر"], None),
        // a family name that is a nationality adjective
        ("وأوضح المحلل السياسي هاني العراقي أن التصعيد متوقع.", P, "هاني العراقي", &["هاني العراقي"], None),
        // a spokesman named باسم
        ("وقال المتحدث باسم الوزارة باسم الخطيب إن الوفد وصل.", P, "باسم الخطيب", &["باسم الخطيب"], None),
        // a lone weak given name after a title, closed by a clause
        ("وقال الرئيس سعيد إن الانتخابات ستجرى في موعدها.", P, "سعيد", &["سعيد"], None),
        // a name whose given name is also a common word, from the people lists
        ("وأجرى حسن نصر الله اتصالا مع الحلفاء.", P, "حسن نصر الله", &["حسن نصر الله"], None),
        // a weak given name after a title, with a surname
        ("وقال الناطق باسم الوزارة سامي القاسمي إن الوفد وصل.", P, "سامي القاسمي", &["سامي القاسمي"], None),
        // a foreign given name in Arabic script opens a name
        ("وقال دونالد ريغان في مؤتمر صحفي إن الاتفاق قريب.", P, "دونالد ريغان", &["دونالد ريغان"], None),
        // عبدالله written as one word; a surname ending in ا
        ("وقال الوزير الشيخ عبدالله علي الرضا إن الحدود آمنة.", P, "عبدالله علي الرضا", &["عبدالله علي الرضا"], None),
        // a foreign surname shaped like a verbal noun after a known given name
        ("وأوضح نائب الوزير مراد تشليك أن المعابر مفتوحة.", P, "مراد تشليك", &["مراد تشليك"], None),
    ]);
    // the gazetteer name is found again by its surname
    let es = entities("وقال المبعوث الأممي غير بيدرسن إن الحل سياسي. وأضاف بيدرسن أن الحوار مستمر.");
    let e = find(&es, P, "غير بيدرسن").unwrap();
    assert_eq!(e.mentions.len(), 2, "{es:#?}");
    // weak given names alone, and "باسم" meaning "on behalf of", are no people
    for text in [
        "وقال المتحدث باسم المحكمة إن الجلسة أرجئت.",
        "وأعرب عن أمل كبير في التوصل إلى اتفاق.",
        "وسط إجراءات أمنية مشددة في العاصمة.",
        "وقال إن الأمين العام سعيد بالنتائج التي تحققت.",
        // a Wikidata full name that is also a phrase ("a just peace") is left out of the gazetteer
        "ودعا إلى سلام عادل وشامل في المنطقة.",
    ] {
        let es = entities(text);
        assert!(es.iter().all(|e| e.kind != P), "{text}: {es:#?}");
    }
}

#[test]
fn organisation_extent_rules() {
    use EntityKind::Organization as O;
    check(&[
        (
            "وقالت وزارة الصناعة والتعاون الدولي إن المشروع بدأ.",
            O,
            "وزارة الصناعة والتعاون الدولي",
            &["وزارة الصناعة والتعاون الدولي"],
            None,
        ),
        // a title after the name opens a person, not the organisation
        (
            "والتقى رئيس مجلس الحكم الانتقالي الدكتور سالم العبيدي.",
            O,
            "مجلس الحكم الانتقالي",
            &["مجلس الحكم الانتقالي"],
            None,
        ),
        // لل + a noun starting with ل and a definite adjective: the article is read back
        ("وقدمت الأمم المتحدة الدعم للجنة العليا للحدود.", O, "اللجنة العليا للحدود", &["اللجنة العليا للحدود"], None),
        // a nationality then a purpose phrase; a court of a city
        (
            "ووقعت الوكالة التونسية للتعاون الفني على الاتفاق.",
            O,
            "الوكالة التونسية للتعاون الفني",
            &["الوكالة التونسية للتعاون الفني"],
            Some("TN"),
        ),
        // a coordinated word before a clause word stays in the name
        ("وأعلنت حركة التحرير والبناء أنها ستشارك.", O, "حركة التحرير والبناء", &["حركة التحرير والبناء"], None),
        ("وقضت المحكمة الابتدائية بصفاقس بسجنه.", O, "المحكمة الابتدائية بصفاقس", &["المحكمة الابتدائية بصفاقس"], None),
    ]);
    // verbal nouns and generic programmes are no organisations
    for text in [
        "وتعهدت الحكومة بتنظيم الانتخابات في موعدها.",
        "وتهدف الخطة لتسهيل حركة التجارة بين البلدين.",
        "وقرر الرئيس إنهاء برنامج المساعدات الأمريكية.",
        "وأعلن الوزير إطلاق برنامج المنح الدراسية الفرنسية.",
        "وتعمل الشرطة على تنظيم حركة الشاحنات عند الحدود.",
        "ووقع البلدان اتفاقية تنظيم الملاحة في الممر.",
    ] {
        let es = entities(text);
        assert!(es.iter().all(|e| e.kind != O), "{text}: {es:#?}");
    }
}

#[test]
fn english_names_with_hyphens_head_nouns_and_appositions() {
    use EntityKind::{Organization as O, Person as P};
    check(&[
        (
            "The Jordanian Foreign Ministry said the talks would resume.",
            O,
            "Jordanian Foreign Ministry",
            &["Jordanian Foreign Ministry"],
            Some("JO"),
        ),
        ("Japan's U.N. ambassador, Park Min-soo, said the vote was close.", P, "Park Min-soo", &["Park Min-soo"], None),
        (
            "Dana Lee Marlow, the agency's director of health, said supplies were short.",
            P,
            "Dana Lee Marlow",
            &["Dana Lee Marlow"],
            None,
        ),
        (
            "The Gulf Maritime Protection mission began patrols.",
            O,
            "Gulf Maritime Protection",
            &["Gulf Maritime Protection"],
            None,
        ),
        (
            "A report by the Regional Drought Monitoring Team was released.",
            O,
            "Regional Drought Monitoring Team",
            &["Regional Drought Monitoring Team"],
            None,
        ),
    ]);
    // a title before an organisation, then the name in apposition; the surname later
    let es = entities(
        "The head of the Regional Water Agency, Laura Bennett, warned of shortages. Bennett said aid was late.",
    );
    let e = find(&es, P, "Laura Bennett").unwrap_or_else(|| panic!("{es:#?}"));
    assert_eq!(e.mentions.len(), 2, "{es:#?}");
    // "U.N. Mission in …" is the mission the acronym names
    let es = entities("The U.N. Mission in South Sudan, known as UNMISS, has 17,000 troops.");
    let orgs: Vec<&Entity> = es.iter().filter(|e| e.kind == O).collect();
    assert_eq!(orgs.len(), 1, "{es:#?}");
    assert_eq!(orgs[0].mentions.len(), 2, "{es:#?}");
    // a "-led" adjective is no part of a name
    let es = entities("The French-led Coastal Security mission ended.");
    assert!(es.iter().all(|e| !e.name.contains("led")), "{es:#?}");
}
