"""Human descriptions of TAGS codes, from the State Department's TAGS/Terms handbook.

Only codes whose meaning is established are listed; any other code is left
without a description rather than given a guessed one.
"""

from __future__ import annotations


def code_table(text: str) -> dict[str, str]:
    """``CODE<two spaces>Description`` lines; codes may themselves contain spaces."""
    pairs = (line.split("  ", 1) for line in text.strip().splitlines() if line.strip())
    return {code.strip().upper(): desc.strip() for code, desc in pairs}


SUBJECTS = code_table("""
AADP  Automated Data Processing
ABLD  Buildings and Grounds
ABUD  Budget Services
ACOA  Communications Operations and Administration
ADCO  Diplomatic Courier Operations
ADPM  Diplomatic Pouch and Mail
AEMR  Emergency Planning and Evacuation
AFIN  Financial Management
AFSN  Foreign Service National Personnel
AINF  Information Management Services
ALOW  Allowances
AMED  Medical Services
AMGT  Management Operations
AORC  International Organizations and Conferences
APER  Personnel
ASEC  Security
ASIG  Inspector General
BBSR  Business Services Reporting
BEXP  Trade Expansion and Promotion
BTIO  Trade and Investment Opportunities
CASC  Assistance to Citizens
CFED  Federal Agency Services
CJAN  Judicial Assistance and Notarial Services
CLOK  Visa Lookout System
CMGT  Consular Management
CPAS  Passports and Citizenship
CVIS  Visas
EAGR  Agriculture and Forestry
EAID  Foreign Economic Assistance
EAIR  Civil Aviation
ECON  Economic Conditions
ECPS  Communications and Postal Systems
EFIN  Financial and Monetary Affairs
EFIS  Commercial Fishing and Fish Processing
EIND  Industry and Manufacturing
EINT  Economic and Commercial Internet
EINV  Foreign Investments
ELAB  Labor Sector Affairs
ELTN  Land Transportation
EMIN  Minerals and Metals
ENRG  Energy and Power
EPET  Petroleum and Natural Gas
ETRD  Foreign Trade
ETTC  Trade and Technology Controls
EWWT  Waterborne Transportation
MARR  Military and Defense Arrangements
MASS  Military Assistance and Sales
MCAP  Military Capabilities
MNUC  Military Nuclear Applications
MOPS  Military Operations
ODIP  U.S. Diplomatic Representation
OEXC  Educational and Cultural Exchange Operations
OFDP  Foreign Diplomats and Foreign Missions
OIIP  International Information Programs
OPRC  Public Relations and Correspondence
OREP  U.S. Congressional Travel
OTRA  Travel
OVIP  Visits and Travel of Prominent Individuals
PARM  Arms Controls and Disarmament
PBTS  National Boundaries, Territories, and Sovereignty
PGOV  Internal Governmental Affairs
PHUM  Human Rights
PINR  Intelligence
PINS  National Security
PREF  Refugees
PREL  External Political Relations
PROP  Propaganda and Psychological Operations
PTER  Terrorists and Terrorism
SCUL  Cultural Affairs
SENV  Environmental Affairs
SMIG  Migration
SNAR  Narcotics
SOCI  Social Conditions
TBIO  Biological and Medical Science
TINT  Internet Technology
TPHY  Physical Sciences
TRGY  Energy Technology
TSPA  Space Activities
TSPL  Science and Technology Policy
""")

PROGRAMS = code_table("""
KAWC  Atrocities and War Crimes
KCFE  Conventional Armed Forces in Europe Treaty
KCIP  Critical Infrastructure Protection
KCOR  Corruption and Anti-Corruption
KCRM  Criminal Activity
KDEM  Democratization
KFLU  Avian and Pandemic Influenza
KFRD  Fraud Prevention Programs
KGHG  Greenhouse Gases
KHDP  Humanitarian Demining Program
KHIV  HIV/AIDS
KHLS  Homeland Security
KIPR  Intellectual Property Rights
KIRF  International Religious Freedom
KISL  Islamic Affairs
KMCA  Millennium Challenge Account
KMDR  Media Reaction Reports
KMPI  Middle East Partnership Initiative
KNNP  Nuclear Nonproliferation
KOLY  Olympic Games
KPAL  Palestinian Affairs
KPAO  Public Affairs Office
KPKO  Peacekeeping Operations
KPOW  POW/MIA Issues
KSTC  Strategic Trade Controls
KTEX  Textiles
KTFN  Terrorist Financing
KTIP  Trafficking in Persons
KUNR  United Nations Reform
KVPR  Visas Viper
KWBG  West Bank and Gaza
KWMN  Women's Issues
""")
