"""Common given names of many languages in their usual Latin spellings (general knowledge)."""

GIVEN_NAMES = """
aaron abby abdul abdullah abdulla abdel abdelaziz abdelkader abdulaziz abdulrahman abraham adam
adel adrian ahmad ahmed ahmet aisha akira alan albert alberto alejandro aleksandr aleksander
aleksandra aleksei aleksey alex alexander alexandra alexandre alexei alexey alexis alfred ali
alice alicia alina alison alisher amanda amin amina amir amit amy ana anastasia anatoly anatoliy
anders andre andrea andreas andrei andrej andres andrew andrey andrzej angela angelina anil anita
ann anna anne annie anthony anton antonio anwar arif arjun arkady armin arnold arthur artur
arturo ashley asif aslan ayman aziz barack barbara bashar ben benjamin bernard bernd beth betty
bill billy bob boris brad brandon brian bruce bruno carl carla carlos carmen carol caroline
catherine cecilia charles charlie charlotte chen chris christian christina christine
christopher claire claudia colin craig cristina daniel daniela danielle daniil david deborah
denis dennis derek diana diane diego dmitri dmitrii dmitriy dmitry donald donna doris dorothy
douglas duncan dylan ed eddie edgar edith eduard eduardo edward elena eli elif elizabeth ella
ellen emily emma emmanuel emine emre enrique eric erik ernest ernesto esther eugene eva evan
evgeni evgeny evgenii fabio farid faisal farhad fatima fatma felipe felix fernando fiona
francesca francesco francis francisco frank franz fred frederick gabriel gabriela gary gennady
gennadiy george georgi georgy gerald gerhard giorgi giovanni giuseppe glen glenn gloria gordon
grace greg gregory grigory guido gustavo hamid hana hannah hans harold harry hasan hassan
heather hector heinz helen helena helmut henry herbert hiroshi hugo hussein ian ibrahim igor
ilya imran ines ingrid irina isaac isabel isabella ismail ivan jack jackie jacob jacques james
jamie jan jane janet janusz jason javier jean jeff jeffrey jennifer jens jeremy jerome jerry
jessica jim jimmy joan joanna joe joel johan johann john johnny jonathan jorge jose josef
joseph joshua juan judith julia julian julie julio justin kamal karen karim karl kate katherine
kathleen kathy katrin kelly ken kenneth kevin khaled khalid kim klaus konstantin kurt larry
laura lauren lawrence leila leo leon leonid leonardo lev li liam linda lisa liu liz lorenzo
louis louise lucas lucia luis luke lyudmila magnus mahmoud mahmud maksim marco marcus margaret
maria mariam marie marina mario mark marta martin mary maria matt matthew maurice max maxim
maya mehmet melissa mercedes michael michel michelle miguel mikhail mike mohamed mohammad
mohammed muhammad muhammed mikhail milan mira miriam mohamad monica moshe murat mustafa nadia
nancy naomi naser nasser natalia natalya natasha nathan neil nicholas nick nicolas nicole nikita
nikolai nikolay nina noah nora nur nurlan oleg olga oliver omar oscar otto pablo pamela paolo
patricia patrick paul paula pavel pedro peter petr petra philip philippe pierre piotr rachel
rafael rahul ralph ramon rashid raul ray raymond rebecca reza ricardo richard rick rob robert
roberto robin roger roman ronald rosa ruslan russell ruth ryan salman sam samantha samir
samuel sandra sara sarah scott sean sebastian sergei sergey sergiy serhiy shahid sharon shirin
simon sofia sophie stanislav stefan stephanie stephen steve steven susan svetlana takeshi
tamara tanya tatiana tatyana teresa thomas tim timothy tom tomas tony valentina valentin
valery valeriy vasily vasiliy victor victoria viktor vincent vitaly vitaliy vladimir vladislav
volodymyr walter wang wei werner william wolfgang xavier yakov yan yang yaroslav yasmin yasser
yevgeny yevgeniy yosef youssef yuri yuriy yusuf zhang zoltan zoran
abbas akbar alireza bashir dariush davoud ehsan fariba hossein javad kazem mahmoud
majid masoud mehdi mohsen morteza nader nasrin parviz qasem saeed shahram yousef
ahmadou amadou aminata cheikh fatou ibrahima mamadou moussa ousmane
kofi kwame nelson jacob thabo cyril olusegun muhammadu bola goodluck uhuru william
narendra rajiv rajesh sanjay sunil vijay amitabh priya deepak manmohan sonia rahul indira
xi hu jiang deng mao yi zhou
shinzo yoshihide fumio junichiro naoto taro kenji yuki
jair luiz dilma jose cristina mauricio javier nicolas hugo evo gustavo andres manuel
recep ahmet binali kemal mevlut bulent selahattin devlet ekrem
volodymyr petro viktor yulia arseniy oleksandr oleksiy andriy mykola bohdan taras dmytro
alexander aleksandar vucic milos dragan goran slobodan zoran tomislav ante
emmanuel francois nicolas jacques lionel edouard jean-yves jean-luc jean-pierre marine segolene
angela olaf helmut gerhard frank-walter annalena
boris theresa keir rishi liz tony gordon david
joe kamala hillary barack donald mike antony jake lloyd
"""
