"""Attribution cue words learned from PolNeAR train
(``training/learn_attribution_cues.py``): of each lemma that was an annotated cue at least 5
times, the word forms that were cues at least 2 times, by the share of their occurrences
with that part of speech that were cues: at least 20% for any cue, at least 10%
for cues that count only before a clause."""

from __future__ import annotations

from . import words

ATTRIBUTION_CUE_FORMS: frozenset[str] = words("""
    said say saying says
    tell telling tells told
    call called calling calls
    according
    ask asked asking asks
    writes writing written wrote
    added adding adds
    show showed showing shown shows
    note noted notes noting
    suggest suggested suggesting suggests
    report reported reporting reports
    supported supporting supports
    argue argued argues arguing
    announce announced announces announcing
    seen sees
    knew knowing known knows
    expect expected expecting
    thinking thinks
    describe described describes describing
    seem seemed seeming seems
    wanted wants
    claim claimed claiming claims
    talked talking talks
    endorse endorsed endorses endorsing
    finds found
    point pointed pointing points
    hope hoped hopes hoping
    appear appeared appears
    question questioned questioning
    accuse accused accuses accusing
    tweeted tweeting
    criticize criticized criticizes criticizing
    believe believes believing
    explain explained explaining explains
    offer offered offering offers
    cite cited cites citing
    seeking seeks sought
    attacked attacking
    declare declared declares declaring
    respond responded responds
    acknowledge acknowledged acknowledges acknowledging
    spoke
    refer referred referring refers
    agree agreed agrees
    promise promised promises promising
    looking looks
    continued
    urge urged urges urging
    voted
    defend defended defending
    mention mentioned mentioning mentions
    express expressed expressing
    state stated stating
    backed backing backs
    oppose opposed opposes
    discuss discussed discussing
    reveal revealed revealing reveals
    vow vowed vowing vows
    praise praised praises praising
    considered considering considers
    pushed pushing
    plan planning plans
    proposed proposes proposing
    declined
    recall recalled recalling
    focus focused focuses focusing
    warn warned
    view viewed views
    pledge pledged pledges pledging
    refuse refused refuses refusing
    conclude concluded concludes
    predict predicted predicting predicts
    indicate indicated indicates
    rejected rejecting
    name named naming
    insisted insisting
    posted posts
    decided deciding
    dismiss dismissed dismisses dismissing
    feel
    puts
    denied denies
    blast blasted blasting blasts
    admit admits admitted
    criticism
    confirm confirmed confirming
    read reads
    blame blamed blames blaming
    fear feared fearing fears
    address addressed
    replied
    denounce denounced denouncing
    worried worries worry worrying
    remember remembered remembering remembers
    cast
    insist insists
    shared
    comment commented commenting
    highlight highlighted highlighting
    identified identify
    ordered ordering orders
    provided
    repeat repeated repeating
    challenged challenging
    charge charged
    passed passing
    learned
    portray portrayed portraying
    remind reminded reminding reminds
    complain complained
    assure assured
    remarked remarking
    listed lists
    recognize recognized recognizes recognizing
    prefer preferred prefers
    signed
    emphasize emphasized emphasizes emphasizing
    debated
    estimate estimated estimates
    answer answered answering
    assert asserted asserting
    embrace embraced embracing
    aim aimed aiming aims
    delivering
    threaten threatened threatening threatens
    requested
    laid laying lays
    favor favored favors
    nominate nominated
    boast boasted boasts
    mock mocked
    chanted chanting chants
    filed
    encourage encouraged
    issued
    condemn condemned condemning
    sounded sounds
    wonder wondered wondering
    convince convinced
    tout touted touting touts
    introduced introduces introducing
    promote promoted promotes promoting
    determined determining
    demand demanded demanding demands
    concede conceded conceding
    referenced referencing
    rule ruled ruling
    understood
    thanked thanking
    stressed stressing
    compare comparing
    ignored
    warning warnings
    accepting
    quote quoted quotes quoting
    reportedly
    decried decrying
    hitting
    fired
    present presented presenting
    pressed pressing
    deemed
    concerned
    persuade persuaded persuading
    advocate advocated advocates
    follows
    alleged alleges
    slammed slamming
    intend intended
    disclose disclosed disclosing
    implied implying
    lamented lamenting laments
    railed rails
    signal signaled signals
    projected
    applaud applauded applauding
    shouted shouting
    recommend recommended
    voiced
    enjoy enjoyed enjoys
    slam slams
    demonstrate demonstrates
    cheer cheered
    underscore underscored underscores underscoring
    joked
    cautioned
    emailed
    pleaded
    echoed
    maintained
    assertion
    outlined outlining
    apologize apologized
    titled
    welcomed
    reiterated reiterating
    approved
    complaints
    counting counts
    documented
    exposed
    regarded
    hired
    championed champions
    launching
    hinted hints
    covered
    suggestion suggestions
    blocked
    lean leans
    allegations
    doubt
    credited crediting
    invoked invoking
    appointed
    protested protesting
    retweeted
    detailing
    congratulated congratulating
    yelled yelling
    imagined
    threw
    adopted
    loves
    distance distanced
    assailed
    realized
    celebrated
    angered
    paint painting paints
    contended contends
    dislike disliked
    attribute attributed
    counter countered
    rattled
    speculate speculated
    suspected
    contrasted contrasting
    weighed
    resisted
    clarified clarify
    bemoaned
    cry
    disavowed
    articulated
    proclaimed
    designed
    sue sued
    assumed
    displayed displaying
    likened
    envision envisioned
    lashed
    advising
    forecast
    rebuffed
    guess
    mocking
    struck
    restricting
    disputed disputes
    labeled labeling
    renewed
    characterize characterized
    testified
    worded
    reaffirmed
    doubled
    mind
    joking
    vouched vouching
    disagreement disagreements
    seemingly
    balked
    rebuked
    witness witnessed
    hailed hailing
    ripped
    framed
    interpreted
    contemplate
    react reacted
    affirm
    recounted recounts
    brushed
    noticed
    mark
    rebut
    understanding
    informed
    define
    knocked
    link
    chided chiding
""")

CLAUSAL_CUE_FORMS: frozenset[str] = words("""
    write
    support
    saw see
    know
    made
    expects
    thought
    want wanting
    talk
    questions
    believed
    seek
    attack attacks
    responding
    speak speaks spoken
    looked
    states
    back
    opposing
    consider
    push
    reject
    decide
    feeling felt
    gave
    released releasing
    deny
    criticisms
    addressing
    casting
    like liked likes
    share shares
    identifying
    provide
    turns
    learn
    included includes
    raised
    draw drawing drawn drew
    allow allowed allows
    delivered
    requests
    supporter
    encouraging
    introduce
    require required requiring
    determine
    reference
    understands
    compared
    endorsement
    ignore
    accept accepted
    meant
    hit
    presents
    press
    campaigned
    remained
    opposition
    stood
    demonstrated
    care
    published
    maintain
    targeted
    welcome
    positioned
    complaint
    counted
    banned
    watched
    launched
    hearing
    represent
    doubts
    announcement
    reflected reflecting reflects
    picked
    throwing thrown
    loved
    realize
    celebrating
    figure
    advice
    divided
    opened
    assume
    advised
    disagree
    accusations
    invited
    surprised
    pursue
    voting
    traded
    stance
""")
