"""Attribution cue words learned from PolNeAR train
(``training/learn_attribution_cues.py``): the word forms of each lemma that was an annotated cue
at least 5 times, by the share of their occurrences that were cues: at least 20%
for any cue, at least 10% for cues that count only before a clause."""

from __future__ import annotations

from . import words

ATTRIBUTION_CUE_FORMS: frozenset[str] = words("""
    said say saying says
    tell telling tells told
    call called calling calls
    according
    ask asked asking asks
    write writes writing written wrote
    add added adding adds
    show showed showing shown shows
    suggest suggested suggesting suggests
    note noted notes noting
    report reported reporting reports
    argue argued argues arguing
    knew know knowing known knows
    announce announced announces announcing
    expect expected expecting expects
    describe described describes describing
    seem seemed seeming seems
    claim claimed claiming claims
    endorse endorsed endorses endorsing
    talk talked talking talks
    find finding finds found
    hope hoped hopes hoping
    appear appeared appearing appears
    criticize criticized criticizes criticizing
    accuse accused accuses accusing
    believe believed believes believing
    explain explained explaining explains
    offer offered offering offers
    cite cited cites citing
    seek seeking seeks sought
    respond responded responding responds
    declare declared declares declaring
    acknowledge acknowledged acknowledges acknowledging
    promise promised promises promising
    refer referred referring refers
    agree agreed agreeing agrees
    defend defended defending defends
    oppose opposed opposes opposing
    urge urged urges urging
    mention mentioned mentioning mentions
    express expressed expressing
    praise praised praises praising
    vow vowed vowing vows
    reveal revealed revealing reveals
    discuss discussed discusses discussing
    pledge pledged pledges pledging
    consider considered considering considers
    push pushed pushes pushing
    recall recalled recalling
    propose proposed proposes proposing
    declined
    warn warned warning warns
    refuse refused refuses refusing
    conclude concluded concludes concluding
    predict predicted predicting predicts
    insisted insisting
    indicate indicated indicates indicating
    reject rejected rejecting rejects
    dismiss dismissed dismisses dismissing
    blame blamed blames blaming
    admit admits admitted admitting
    decide decided decides deciding
    denied denies deny denying
    blast blasted blasts
    read reading reads
    criticism criticisms
    confirm confirmed confirming confirms
    replied reply
    fear feared fears
    remember remembered remembering remembers
    worried worries worry worrying
    highlight highlighted highlighting highlights
    identified identifies identify identifying
    repeat repeated repeating
    cast casts
    denounce denounced denounces
    learn learned learning
    portray portrayed portraying portrays
    remind reminded reminding reminds
    insist insists
    prefer preferred prefers
    complain complained complaining
    recognize recognized recognizes recognizing
    emphasize emphasized emphasizes emphasizing
    assure assured assures assuring
    threaten threatened threatening threatens
    estimate estimated estimates
    assert asserted asserting asserts
    embrace embraced embraces embracing
    laid lay layed laying lays
    aim aimed aiming aims
    boast boasted boasting boasts
    condemn condemned condemning
    mock mocked mocks
    chanted chanting chants
    filed files filing
    encourage encouraged encouraging
    demand demanded demanding demands
    concede conceded concedes conceding
    wonder wondered wondering
    convince convinced
    introduce introduced introduces introducing
    promote promoted promotes promoting
    reference referenced references referencing
    sound sounded sounding sounds
    slammed slamming
    thank thanked thanking
    stress stressed stressing
    ignore ignored ignores ignoring
    quote quoted quotes quoting
    reportedly
    decried decries decrying
    lamented lamenting laments
    warning warnings
    deemed deeming deems
    persuade persuaded persuading
    disclose disclosed disclosing
    implied implies imply implying
    alleged alleges
    intend intended intends
    tout touting touts
    rail railed rails
    signal signaled signals
    shout shouted shouting
    joked
    recommend recommended recommends
    favored
    reiterated
    applaud applauded applauds
    enjoy enjoyed enjoying enjoys
    slam slams
    demonstrate demonstrated demonstrates demonstrating
    cheer cheered cheers
    underscore underscored underscores underscoring
    apologize apologized apologizes
    denouncing
    voiced
    caution cautioned cautioning cautions
    pleaded
    echoed
    assertion
    touted
    outlined outlines outlining
    titled
    suggestion suggestions
    approve approved
    complaint complaints
    expose exposed exposes
    championed champions
    congratulate congratulated congratulating
    allegation allegations
    invoked invoking
    appoint appointed
    retweeted
    labeled labeling
    yelled yelling
    distance distanced
    assailed
    realize realized
    celebrated celebrating
    paint painted painting paints
    contended contending contends
    hinted hints
    dislike disliked
    attribute attributed
    envision envisioned envisioning
    rattled
    speculate speculated
    suspect suspected suspects
    weigh weighed
    resist resisted resists
    clarified clarify clarifying
    bemoaned
    cried cry crying
    articulate articulated articulating
    proclaimed proclaiming proclaims
    designed
    recounted recounts
    reiterated reiterating
    assume assumed assumes
    displayed displaying displays
    likened
    alluded alluding
    lashed lashes
    forecast
    disagree disagreed disagrees
    rebuff rebuffed rebuffs
    guess guessed
    mocking
    struck
    restricting
    renew renewed renews
    characterize characterized characterizes
    testified testify
    observe observed observing
    echoing
    reaffirm reaffirmed reaffirming
    doubled doubles doubling
    jokes joking
    vouched vouching
    disagreement disagreements
    seemingly
    sponsored
    blasting
    balked
    rebuked
    witness witnessed witnessing
    ripped rips
    frame framed
    interpret interpreted
    contemplate contemplated contemplating
    react reacted
    affirm affirmed affirms
    sue sued
    brushed brushes
    noticed
    rebut rebuts
    worried
    informed
    alleging
    knocked
""")

CLAUSAL_CUE_FORMS: frozenset[str] = words("""
    support supported supporting supports
    saw see seeing seen sees
    think thinking thinks thought
    want wanted wanting wants
    point pointed pointing points
    question questioned questioning questions
    tweet tweeted tweeting tweets
    attack attacked attacking attacks
    speak speaking speaks spoke spoken
    look looked looking looks
    continue continued continues
    plan planned planning plans
    view viewed viewing views
    focus focused focuses focusing
    name named naming
    release released releasing
    feel feeling feels felt
    address addressed addresses addressing
    share shared shares sharing
    order ordered ordering orders
    provide provided providing
    challenge challenged challenges challenging
    raised raises raising
    charge charged charges charging
    pass passed passes passing
    list listed listing lists
    sign signed signs
    remark remarked remarking remarks
    draw drawing drawn drew
    allow allowed allowing allows
    nominate nominated nominates nominating
    answer answered answering answers
    deliver delivered delivering delivers
    request requested requests
    determine determined determining
    compare compared compares comparing
    require required requires requiring
    favor favors
    understand understands understood
    accept accepted accepting accepts
    present presented presenting presents
    hit hits hitting
    fired fires firing
    advocate advocated advocates
    opposition
    project projected projects
    published publishes publishing
    maintain maintained maintaining maintains
    targeted targeting targets
    welcome welcomed
    counted counting counts
    credit credited crediting credits
    regard regarded regarding regards
    hired hiring
    launch launched launching
    anger angered
    cover covered covers
    doubt doubts
    reflect reflected reflecting reflects
    picked picking
    threw throw throwing thrown
    adopted adopting
    opened opens
    counter countered
    dispute disputed disputes
    detailing details
    announcement
    advice
    divided
    imagine imagined
    leaning leans
    advise advised advising
    accusation accusations
    invited inviting
    understanding
    stance stances
""")
